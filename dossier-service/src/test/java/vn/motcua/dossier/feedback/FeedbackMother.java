package vn.motcua.dossier.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Feedback as it stands at a given time, for planting in a test's database. */
public final class FeedbackMother {
    private FeedbackMother() {
    }

    public static Feedback open(String agencyCode, Instant filedAt, LocalDate answerDue) {
        return Feedback.file(UUID.randomUUID().toString(), "001090000001", agencyCode, null, Feedback.Kind.PHAN_ANH,
                "Phản ánh", filedAt, answerDue);
    }

    public static Feedback answered(String agencyCode, Instant filedAt, LocalDate answerDue, Instant answeredAt) {
        Feedback feedback = open(agencyCode, filedAt, answerDue);
        feedback.answer("Đã giải quyết", "leader9", answeredAt, answeredAt.atZone(ZoneId.of("Asia/Ho_Chi_Minh"))
                .toLocalDate());
        return feedback;
    }
}
