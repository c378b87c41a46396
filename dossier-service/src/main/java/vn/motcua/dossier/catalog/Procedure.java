package vn.motcua.dossier.catalog;

import java.util.List;
import vn.motcua.events.payment.FeeStage;

/**
 * A public administrative procedure (thủ tục hành chính) as the catalog publishes it, at one
 * version. A dossier records the version it was accepted under.
 *
 * @param version catalog version of this procedure, from 1; every edit by ops adds one
 * @param onlineLevel 2 information only (in person), 3 partly online ("một phần"), 4 fully online ("toàn trình")
 * @param feeTiming when the fees fall due, or null without fees
 * @param cutOff time of day ("15:00") after which a dossier received counts from the next working
 *     day, as the procedure's text sets it; null when the text is silent: the agency's applies
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
        String cutOff) {

    /**
     * @param kind PHI (charge for a service) or LE_PHI (state fee)
     * @param per DOSSIER, COPY or PAGE
     */
    public record Fee(String kind, long amount, String per) {
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
                cutOff);
    }
}
