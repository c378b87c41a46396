package vn.motcua.events.catalog;

import java.time.Instant;
import java.util.List;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;
import vn.motcua.events.payment.FeeStage;

/**
 * A version of a procedure was published in the catalog (version 1 when it is added). The whole
 * procedure as it now stands, so a service keeping the catalog as a read model replaces its copy
 * when {@code catalogVersion} is higher than the one it holds.
 *
 * @param onlineLevel 2 information only, 3 partly online, 4 fully online
 * @param returnByPost the result may go by post (false also when the register must be signed in person)
 * @param urgentCounter on the urgent list the counters take in person under an online-first policy
 * @param fees the fee schedule: what is owed per dossier, copy or page, before any reduction
 * @param cutOff time of day ("15:00") after which a dossier received counts from the next working day; null: the agency's
 * @param paperOriginalsKept of a procedure whose paper originals are required: true when the agency keeps them, false when it
 *     only compares them and they go back once the dossier is received (ADR 0080); null when the text is silent (added in
 *     place on 2026-12-07; absent in older records)
 */
@EventContract(type = "ProcedurePublished", version = 1, topic = Topics.DOSSIER)
public record ProcedurePublished(
        String procedureCode,
        int catalogVersion,
        String name,
        String field,
        String agencyLevel,
        int onlineLevel,
        int processingDays,
        boolean acceptByPost,
        boolean returnByPost,
        boolean inPersonSignature,
        boolean paperOriginalRequired,
        boolean urgentCounter,
        List<String> requiredDocuments,
        List<ScheduledFee> fees,
        FeeStage feeTiming,
        String cutOff,
        Instant publishedAt,
        Boolean paperOriginalsKept) implements Event {

    public ProcedurePublished {
        requiredDocuments = List.copyOf(requiredDocuments);
        fees = List.copyOf(fees);
    }

    public ProcedurePublished(String procedureCode, int catalogVersion, String name, String field, String agencyLevel, int onlineLevel,
            int processingDays, boolean acceptByPost, boolean returnByPost, boolean inPersonSignature, boolean paperOriginalRequired,
            boolean urgentCounter, List<String> requiredDocuments, List<ScheduledFee> fees, FeeStage feeTiming, String cutOff,
            Instant publishedAt) {
        this(procedureCode, catalogVersion, name, field, agencyLevel, onlineLevel, processingDays, acceptByPost, returnByPost,
                inPersonSignature, paperOriginalRequired, urgentCounter, requiredDocuments, fees, feeTiming, cutOff, publishedAt, null);
    }

    /**
     * @param kind PHI (charge for a service) or LE_PHI (state fee)
     * @param per DOSSIER, COPY or PAGE
     */
    public record ScheduledFee(String kind, long amount, String per) {
    }

    @Override
    public String subject() {
        return "procedure-" + procedureCode;
    }
}
