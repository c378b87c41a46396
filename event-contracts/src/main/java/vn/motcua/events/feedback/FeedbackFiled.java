package vn.motcua.events.feedback;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A citizen filed feedback (PHAN_ANH) or a petition (KIEN_NGHI) on their dossier or on an agency;
 * the agency must answer by {@code answerDue}.
 *
 * @param dossierCode the dossier it is about, or null when it is about the agency
 */
@EventContract(type = "FeedbackFiled", version = 1, topic = Topics.DOSSIER)
public record FeedbackFiled(
        String feedbackId,
        String citizenId,
        String agencyCode,
        String dossierCode,
        String kind,
        LocalDate answerDue,
        Instant filedAt) implements Event {

    @Override
    public String subject() {
        return "feedback-" + feedbackId;
    }
}
