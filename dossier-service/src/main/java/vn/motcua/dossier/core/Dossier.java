package vn.motcua.dossier.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.events.Event;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.FeeLine;
import vn.motcua.kit.outbox.OutboxEntry;

/**
 * A dossier (hồ sơ). Its state and the events waiting to be published are one MongoDB
 * document, written in one go and guarded by {@link #version}.
 */
@Document("dossiers")
public class Dossier {
    @Id
    private final String code;
    @Version
    private Long version;
    private final String procedureCode;
    private final String procedureName;
    @Indexed
    private final String agencyCode;
    @Indexed
    private final String ownerCitizenId;
    private final Applicant applicant;
    private final Channel channel;
    private NationalStatus status;
    private final ResultDelivery resultDelivery;
    private final String feeTiming;
    private final List<FeeLine> feesDue;
    private final String submittedBy;
    private final Instant submittedAt;
    private List<OutboxEntry> pendingEvents = new ArrayList<>();

    @PersistenceCreator
    Dossier(String code, Long version, String procedureCode, String procedureName, String agencyCode,
            String ownerCitizenId, Applicant applicant, Channel channel, NationalStatus status,
            ResultDelivery resultDelivery, String feeTiming, List<FeeLine> feesDue, String submittedBy,
            Instant submittedAt, List<OutboxEntry> pendingEvents) {
        this.code = code;
        this.version = version;
        this.procedureCode = procedureCode;
        this.procedureName = procedureName;
        this.agencyCode = agencyCode;
        this.ownerCitizenId = ownerCitizenId;
        this.applicant = applicant;
        this.channel = channel;
        this.status = status;
        this.resultDelivery = resultDelivery;
        this.feeTiming = feeTiming;
        this.feesDue = feesDue == null ? List.of() : List.copyOf(feesDue);
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
    }

    /** What submitting a dossier produces: the new dossier and the facts to announce. */
    public record Submission(Dossier dossier, List<Event> events) {
    }

    /**
     * Registers a new dossier (national status 1) for its owner.
     *
     * @param copies how many copies of the result are asked for, for fees charged per copy
     */
    public static Submission submit(String code, Procedure procedure, String agencyCode, String ownerCitizenId,
            Applicant applicant, Channel channel, ResultDelivery resultDelivery, int copies, String submittedBy,
            Instant now) {
        List<FeeLine> fees = procedure.fees() == null ? List.of() : procedure.fees().stream()
                .map(fee -> new FeeLine(fee.kind(), "COPY".equals(fee.per()) ? fee.amount() * copies : fee.amount()))
                .toList();
        Dossier dossier = new Dossier(code, null, procedure.code(), procedure.name(), agencyCode, ownerCitizenId,
                applicant, channel, NationalStatus.NEWLY_REGISTERED, resultDelivery, procedure.feeTiming(), fees,
                submittedBy, now, List.of());
        DossierSubmitted submitted = new DossierSubmitted(code, procedure.code(), procedure.name(), agencyCode,
                ownerCitizenId, applicant, channel.code(), NationalStatus.NEWLY_REGISTERED.code(),
                procedure.feeTiming(), fees, resultDelivery.name(), now);
        return new Submission(dossier, List.of(submitted));
    }

    public void enqueue(List<OutboxEntry> entries) {
        pendingEvents.addAll(entries);
    }

    public String code() {
        return code;
    }

    public String procedureCode() {
        return procedureCode;
    }

    public String procedureName() {
        return procedureName;
    }

    public String agencyCode() {
        return agencyCode;
    }

    public String ownerCitizenId() {
        return ownerCitizenId;
    }

    public Applicant applicant() {
        return applicant;
    }

    public Channel channel() {
        return channel;
    }

    public NationalStatus status() {
        return status;
    }

    public ResultDelivery resultDelivery() {
        return resultDelivery;
    }

    public String feeTiming() {
        return feeTiming;
    }

    public List<FeeLine> feesDue() {
        return feesDue;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public List<OutboxEntry> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
