package vn.motcua.kit.work;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ErrorHandler;
import vn.motcua.kit.problem.StorageAway;

/**
 * What a scheduled job's failure is logged as. Every job (the outbox safety net, reminders,
 * deadline watch, order expiry, the delivery sweep) runs again at its next tick and finds its work
 * where it left it, so a database that is away for a moment is a warning without a stack trace,
 * not the ERROR an operator is paged for: a restart of the database logged one per job and tick.
 * Any other failure is a fault in the job and stays an ERROR with its trace.
 */
public final class ScheduledJobFailures implements ErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(ScheduledJobFailures.class);

    @Override
    public void handleError(Throwable failure) {
        if (StorageAway.causedIt(failure)) {
            log.warn("A scheduled job could not reach the database; it runs again at its next tick: {}", failure.toString());
        } else {
            log.error("A scheduled job failed; it runs again at its next tick", failure);
        }
    }
}
