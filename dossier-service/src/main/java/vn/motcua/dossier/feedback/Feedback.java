package vn.motcua.dossier.feedback;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One piece of feedback from a citizen, and the agency's answer. The answer is due on
 * {@code answerDue} (working days from filing, as settings citing the decree say); it is
 * overdue when still unanswered after that day.
 */
@Document(Feedback.COLLECTION)
public class Feedback {
    public static final String COLLECTION = "feedback";

    /** Phản ánh (reporting a problem) or kiến nghị (proposing a change). */
    public enum Kind {
        PHAN_ANH, KIEN_NGHI
    }

    @Id
    private final String id;
    private final String citizenId;
    private final String agencyCode;
    private final String dossierCode;
    private final Kind kind;
    private final String text;
    private final Instant filedAt;
    private final LocalDate answerDue;
    private String answer;
    private String answeredBy;
    private Instant answeredAt;
    @Version
    private Long version;

    Feedback(String id, String citizenId, String agencyCode, String dossierCode, Kind kind, String text,
            Instant filedAt, LocalDate answerDue, String answer, String answeredBy, Instant answeredAt, Long version) {
        this.id = id;
        this.citizenId = citizenId;
        this.agencyCode = agencyCode;
        this.dossierCode = dossierCode;
        this.kind = kind;
        this.text = text;
        this.filedAt = filedAt;
        this.answerDue = answerDue;
        this.answer = answer;
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
        this.version = version;
    }

    static Feedback file(String id, String citizenId, String agencyCode, String dossierCode, Kind kind, String text,
            Instant now, LocalDate answerDue) {
        return new Feedback(id, citizenId, agencyCode, dossierCode, kind, text, now, answerDue, null, null, null, null);
    }

    boolean answered() {
        return answeredAt != null;
    }

    void answer(String answerText, String by, Instant now) {
        answer = answerText;
        answeredBy = by;
        answeredAt = now;
    }

    /** Unanswered after its due day, or answered after it. */
    public boolean overdueOn(LocalDate today, LocalDate answeredOn) {
        return answeredOn == null ? today.isAfter(answerDue) : answeredOn.isAfter(answerDue);
    }

    public String id() {
        return id;
    }

    public String citizenId() {
        return citizenId;
    }

    public String agencyCode() {
        return agencyCode;
    }

    public String dossierCode() {
        return dossierCode;
    }

    public Kind kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    public Instant filedAt() {
        return filedAt;
    }

    public LocalDate answerDue() {
        return answerDue;
    }

    public String answerText() {
        return answer;
    }

    public String answeredBy() {
        return answeredBy;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public Long version() {
        return version;
    }
}
