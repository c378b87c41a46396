package vn.motcua.dossier.catalog;

import java.util.List;

/**
 * A public administrative procedure (thủ tục hành chính) as the catalog publishes it.
 *
 * @param onlineLevel 2 information only (in person), 3 partly online ("một phần"), 4 fully online ("toàn trình")
 * @param feeTiming INTAKE, RESULT, or null without fees
 */
public record Procedure(
        String code,
        String name,
        String field,
        String agencyLevel,
        int onlineLevel,
        int processingDays,
        List<Fee> fees,
        String feeTiming,
        boolean acceptByPost,
        boolean returnByPost,
        boolean inPersonSignature,
        boolean paperOriginalRequired,
        boolean urgentCounter,
        List<String> requiredDocuments) {

    /** @param per DOSSIER, COPY or PAGE */
    public record Fee(String kind, long amount, String per) {
    }

    public boolean offeredOnline() {
        return onlineLevel >= 3;
    }

    public boolean resultMayGoByPost() {
        return returnByPost && !inPersonSignature;
    }
}
