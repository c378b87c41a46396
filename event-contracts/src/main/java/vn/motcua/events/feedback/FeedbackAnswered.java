package vn.motcua.events.feedback;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The agency answered a citizen's feedback, once.
 *
 * @param late answered after its due day
 */
@EventContract(type = "FeedbackAnswered", version = 1, topic = Topics.DOSSIER)
public record FeedbackAnswered(
        String feedbackId,
        String citizenId,
        String agencyCode,
        String dossierCode,
        String answer,
        boolean late,
        Instant answeredAt) implements Event {

    @Override
    public String subject() {
        return "feedback-" + feedbackId;
    }
}
