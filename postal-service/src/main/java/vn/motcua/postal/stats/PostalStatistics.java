package vn.motcua.postal.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The post's figures over a period (shipments created in it).
 *
 * @param resultsByPost results asked for by post: planned, handed to the operator, delivered (of which by an officer's hand),
 *     returned to the sender; the national indicator counts {@code delivered}
 * @param dossiersCollected paper dossiers the post collected: asked for, arrived at the agency, called off by their citizens,
 *     given up by the post
 * @param originalsSentBack paper originals collected for dossiers that then closed, going back to their citizens (ADR 0077)
 * @param dossiersSentBack paper dossiers the post collected and the agency registered, then refused, withdrawn or stopped,
 *     going back to their citizens (ADR 0081)
 * @param discounts per discount rule, how many shipments and how many đồng
 * @param cash collected on delivery as reported, remitted by the operators, and the difference still owed
 */
public record PostalStatistics(LocalDate from, LocalDate to, String agencyCode, Results resultsByPost, Collected dossiersCollected,
        SentBack originalsSentBack, SentBack dossiersSentBack, List<DiscountGranted> discounts, Cash cash) {

    public record Results(long planned, long handedToOperator, long delivered, long deliveredByHand, long returnedToSender) {
    }

    /**
     * @param cancelled called off by their citizens before the postman came
     * @param notCollected given up by the post after the last collection the operator's rule allows failed (ADR 0084, 0086)
     */
    public record Collected(long requested, long arrived, long cancelled, long notCollected) {
    }

    /** @param handedOver in the citizen's hands: by the postman, or at the counter */
    public record SentBack(long planned, long handedOver) {
    }

    public record DiscountGranted(String ruleId, String source, long shipments, long amount) {
    }

    public record Cash(long collected, long remitted, long outstanding) {
    }

    /** Adds up discounts by rule, keeping the rules in a stable order. */
    static List<DiscountGranted> byRule(List<DiscountGranted> each) {
        Map<String, DiscountGranted> rules = new TreeMap<>();
        for (DiscountGranted one : each) {
            rules.merge(one.ruleId(), one, (a, b) -> new DiscountGranted(a.ruleId(), Objects.requireNonNullElse(a.source(), b.source()),
                    a.shipments() + b.shipments(), a.amount() + b.amount()));
        }
        return List.copyOf(rules.values());
    }
}
