package vn.motcua.dossier.catalog;

import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.PersistenceCreator;
import vn.motcua.events.dossier.FeeBasis;
import vn.motcua.events.dossier.PricedFeeLine;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.kit.problem.ApiProblem;

/**
 * A public administrative procedure (thủ tục hành chính) as the catalog publishes it, at one
 * version. A dossier records the version it was accepted under.
 *
 * @param version catalog version of this procedure, from 1; every edit by ops adds one
 * @param onlineLevel 2 information only (in person), 3 partly online ("một phần"), 4 fully online ("toàn trình")
 * @param feeTiming when the fees fall due, or null without fees
 * @param cutOff time of day ("15:00") after which a dossier received counts from the next working
 *     day, as the procedure's text sets it; null when the text is silent: the agency's applies
 * @param paperOriginalsKept of a procedure whose paper originals are required: true when the agency keeps them in its file
 *     (a certificate surrendered for a new one), false when it only compares them, and they go back to the citizen once
 *     the dossier is received (ADR 0080); null when the procedure's text is silent (the officer sends them back) or none
 *     are required
 * @param receptionAwaitsIntakeFee the agency receives a dossier only once its intake fee is paid
 *     (the procedure's text says the fee is paid on submission); null or false: reception does not wait
 */
public record Procedure(
        String code,
        int version,
        String name,
        String field,
        String agencyLevel,
        int onlineLevel,
        int processingDays,
        List<Fee> fees,
        FeeStage feeTiming,
        boolean acceptByPost,
        boolean returnByPost,
        boolean inPersonSignature,
        boolean paperOriginalRequired,
        boolean urgentCounter,
        List<String> requiredDocuments,
        String cutOff,
        Boolean receptionAwaitsIntakeFee,
        Boolean paperOriginalsKept) {

    /**
     * One fee of the procedure's schedule, as its fee text (the Ministry of Finance's circular for
     * that fee) sets it.
     *
     * @param kind PHI (charge for a service) or LE_PHI (state fee)
     * @param amount list price per unit, in đồng
     * @param per DOSSIER, COPY or PAGE
     * @param onlineAmount reduced price per unit when submitted online, or null
     * @param stage when it falls due; null: the procedure's {@code feeTiming}
     * @param refundable paid back when the dossier is refused or withdrawn before processing
     * @param reducedFor price per unit for categories of applicants ("SINH_VIEN": 100000; 0 exempts), or null
     * @param maxAmount cap on the line's amount, or null
     */
    public record Fee(String kind, long amount, String per, Long onlineAmount, FeeStage stage, boolean refundable,
            Map<String, Long> reducedFor, Long maxAmount, String note) {
        public Fee {
            reducedFor = reducedFor == null ? Map.of() : Map.copyOf(reducedFor);
        }

        public Fee(String kind, long amount, String per) {
            this(kind, amount, per, null, null, false, null, null, null);
        }

        /** Reads a stored fee, also one stored before {@code refundable} existed (not refundable then). */
        @PersistenceCreator
        static Fee stored(String kind, long amount, String per, Long onlineAmount, FeeStage stage, Boolean refundable,
                Map<String, Long> reducedFor, Long maxAmount, String note) {
            return new Fee(kind, amount, per, onlineAmount, stage, Boolean.TRUE.equals(refundable), reducedFor, maxAmount, note);
        }
    }

    /**
     * Prices every fee line of a dossier under this version.
     *
     * @param pages pages of the documents, needed when a fee is per page
     * @param category the applicant's category claimed for a reduced price (e.g. "SINH_VIEN"), or null
     */
    public List<PricedFeeLine> price(boolean online, int copies, Integer pages, String category) {
        List<Fee> schedule = fees == null ? List.of() : fees;
        if (category != null && schedule.stream().noneMatch(fee -> fee.reducedFor().containsKey(category))) {
            throw ApiProblem.unprocessable("reduction-not-applicable", "No fee of " + name
                    + " is reduced for category " + category).with("category", category);
        }
        if (pages == null && schedule.stream().anyMatch(fee -> "PAGE".equals(fee.per()))) {
            throw ApiProblem.unprocessable("pages-required", "A fee of " + name
                    + " is charged per page: say how many pages the documents have (pages)");
        }
        return schedule.stream().map(fee -> priced(fee, online, copies, pages, category)).toList();
    }

    private PricedFeeLine priced(Fee fee, boolean online, int copies, Integer pages, String category) {
        FeeBasis basis = FeeBasis.valueOf(fee.per());
        int quantity = switch (basis) {
            case COPY -> copies;
            case PAGE -> pages;
            default -> 1;
        };
        long applied = fee.amount();
        String reduction = null;
        if (online && fee.onlineAmount() != null && fee.onlineAmount() < applied) {
            applied = fee.onlineAmount();
            reduction = "ONLINE";
        }
        Long categoryPrice = category == null ? null : fee.reducedFor().get(category);
        if (categoryPrice != null && categoryPrice < applied) {
            applied = categoryPrice;
            reduction = category;
        }
        long amount = applied * quantity;
        if (fee.maxAmount() != null) {
            amount = Math.min(amount, fee.maxAmount());
        }
        return new PricedFeeLine(fee.stage() != null ? fee.stage() : feeTiming, fee.kind(), basis, quantity, fee.amount(),
                applied, reduction, amount, fee.refundable(), version);
    }

    /** Whether reception waits for the intake fee: versions stored before the rule existed do not. */
    public boolean awaitsIntakeFee() {
        return Boolean.TRUE.equals(receptionAwaitsIntakeFee);
    }

    public boolean offeredOnline() {
        return onlineLevel >= 3;
    }

    /** Rules 1 and 2: the counter takes what is not online at level 3/4, and the urgent list. */
    public boolean mayBeReceivedInPerson() {
        return !offeredOnline() || urgentCounter;
    }

    public boolean resultMayGoByPost() {
        return returnByPost && !inPersonSignature;
    }

    Procedure atVersion(int newVersion) {
        return new Procedure(code, newVersion, name, field, agencyLevel, onlineLevel, processingDays, fees, feeTiming,
                acceptByPost, returnByPost, inPersonSignature, paperOriginalRequired, urgentCounter, requiredDocuments,
                cutOff, receptionAwaitsIntakeFee, paperOriginalsKept);
    }
}
