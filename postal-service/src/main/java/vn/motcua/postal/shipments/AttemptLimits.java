package vn.motcua.postal.shipments;

/**
 * How many times the postman tries, under the rule in force on the day he tried (ADR 0086).
 *
 * @param deliveries failed deliveries to a door after which the item goes back to the agency
 * @param collections failed collections at the citizen's after which the pick-up is called off
 * @param ruleId the rule they come from, as the data file names it
 */
public record AttemptLimits(int deliveries, int collections, String ruleId) {
}
