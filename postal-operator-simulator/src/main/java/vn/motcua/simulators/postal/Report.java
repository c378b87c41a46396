package vn.motcua.simulators.postal;

import java.time.Instant;

/**
 * One progress report as the operator API takes it. The id is derived from the item and the stage,
 * so a report sent again (after a time-out, or by a restarted simulator) is the same report.
 *
 * @param pickupFrom with {@code pickupUntil}: when the postman comes to collect, on a PICKUP_SCHEDULED report
 */
record Report(String reportId, String progress, Instant at, String itemId, String detail, Long amount, Instant pickupFrom,
        Instant pickupUntil) {
}
