package vn.motcua.dossier.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.events.Event;
import vn.motcua.events.feedback.FeedbackAnswered;
import vn.motcua.events.feedback.FeedbackFiled;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.outbox.Changed;

/**
 * One piece of feedback from a citizen, and the agency's answer. The answer is due on
 * {@code answerDue} (working days from filing, as settings citing the decree say); it is
 * overdue when still unanswered after that day.
 */
@Document(Feedback.COLLECTION)
// The lists: a citizen's and an agency's newest first, an agency's still to answer by due day.
@CompoundIndex(name = "citizenNewestFirst", def = "{'citizenId': 1, 'filedAt': -1}")
@CompoundIndex(name = "agencyNewestFirst", def = "{'agencyCode': 1, 'filedAt': -1}")
@CompoundIndex(name = "agencyToAnswer", def = "{'agencyCode': 1, 'answeredAt': 1, 'answerDue': 1, 'filedAt': 1}")
public class Feedback extends Aggregate {
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

    @PersistenceCreator
    Feedback(String id, String citizenId, String agencyCode, String dossierCode, Kind kind, String text,
            Instant filedAt, LocalDate answerDue, String answer, String answeredBy, Instant answeredAt) {
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
    }

    static Feedback file(String id, String citizenId, String agencyCode, String dossierCode, Kind kind, String text,
            Instant now, LocalDate answerDue) {
        return new Feedback(id, citizenId, agencyCode, dossierCode, kind, text, now, answerDue, null, null, null);
    }

    static Changed<Feedback> filed(String id, String citizenId, String agencyCode, String dossierCode, Kind kind,
            String text, Instant now, LocalDate answerDue) {
        Feedback feedback = file(id, citizenId, agencyCode, dossierCode, kind, text, now, answerDue);
        return Changed.of(feedback, new FeedbackFiled(id, citizenId, agencyCode, dossierCode, kind.name(), answerDue, now));
    }

    boolean answered() {
        return answeredAt != null;
    }

    /** @param answeredOn the day it is answered, to tell whether it is late */
    List<Event> answer(String answerText, String by, Instant now, LocalDate answeredOn) {
        answer = answerText;
        answeredBy = by;
        answeredAt = now;
        return List.of(new FeedbackAnswered(id, citizenId, agencyCode, dossierCode, answerText,
                answeredOn.isAfter(answerDue), now));
    }

    /** Unanswered after its due day, or answered after it. */
    public boolean overdueOn(LocalDate today, LocalDate answeredOn) {
        return answeredOn == null ? today.isAfter(answerDue) : answeredOn.isAfter(answerDue);
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

    @Override
    public String id() {
        return id;
    }
}
