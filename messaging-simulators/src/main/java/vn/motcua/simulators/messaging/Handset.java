package vn.motcua.simulators.messaging;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the test desk said about one phone number: how many sends to fail first with a transient
 * error, whether it has a Zalo account, and what becomes of a message accepted for it.
 */
final class Handset {
    enum Fate {
        DELIVERED, UNDELIVERED, SILENT
    }

    final AtomicInteger transientFailures = new AtomicInteger();
    volatile boolean hasZalo = true;
    volatile Fate fate = Fate.DELIVERED;

    /** Takes one of the planned transient failures, if any is left. */
    boolean failsNow() {
        return transientFailures.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
    }
}
