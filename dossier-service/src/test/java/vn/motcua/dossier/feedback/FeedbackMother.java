package vn.motcua.dossier.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.motcua.events.Event;
import vn.motcua.kit.outbox.Changed;

/** Feedback as it stands at a given time, with the events that brought it there, for planting through the store. */
public final class FeedbackMother {
    private FeedbackMother() {
    }

    public static Changed<Feedback> open(String agencyCode, Instant filedAt, LocalDate answerDue) {
        return Feedback.filed(UUID.randomUUID().toString(), "001090000001", agencyCode, null, Feedback.Kind.PHAN_ANH,
                "Phản ánh", filedAt, answerDue);
    }

    public static Changed<Feedback> answered(String agencyCode, Instant filedAt, LocalDate answerDue, Instant answeredAt) {
        Changed<Feedback> filed = open(agencyCode, filedAt, answerDue);
        List<Event> events = new ArrayList<>(filed.events());
        events.addAll(filed.aggregate().answer("Đã giải quyết", "leader9", answeredAt,
                answeredAt.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate()));
        return new Changed<>(filed.aggregate(), events);
    }
}
