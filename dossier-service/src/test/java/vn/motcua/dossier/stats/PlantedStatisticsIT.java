package vn.motcua.dossier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.testinfra.CallerMother.AGENCY_JUSTICE;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.motcua.dossier.catalog.Agency;
import vn.motcua.dossier.catalog.Catalog;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.core.Actor;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.dossier.feedback.FeedbackMother;
import vn.motcua.events.Event;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.Channel;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.testinfra.InfrastructureTest;

/**
 * Every figure of the report, on a planted set of dossiers and feedback of one agency in March
 * 2025 (no other test writes there): each dossier is made for one figure, so a miscount names it.
 */
@SpringBootTest
@InfrastructureTest
class PlantedStatisticsIT {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Actor CITIZEN = new Actor("c", "citizen1", "citizen");
    private static final Actor OFFICER = new Actor("o", "officer9", "officer");
    private static final Actor SPECIALIST = new Actor("s", "specialist9", "specialist");
    private static final Actor LEADER = new Actor("l", "leader9", "leader");

    @Autowired
    Statistics statistics;
    @Autowired
    Catalog catalog;
    @Autowired
    DeadlinePolicy deadlines;
    @Autowired
    AggregateStore store;

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(HANOI).toInstant();
    }

    private static Instant atTen(LocalDate day) {
        return day.atTime(10, 0).atZone(HANOI).toInstant();
    }

    /** A dossier built step by step, keeping every event its steps caused, to store with it. */
    private static final class Planted {
        final Dossier dossier;
        final List<Event> events = new ArrayList<>();

        Planted(Changed<Dossier> submitted) {
            dossier = submitted.aggregate();
            events.addAll(submitted.events());
        }

        Planted then(Function<Dossier, List<Event>> step) {
            events.addAll(step.apply(dossier));
            return this;
        }
    }

    private Planted submitted(Channel channel, String when) {
        Procedure record = catalog.procedure("1.000007", 1).orElseThrow();   // criminal record extract: 10 working days
        Agency justice = catalog.agency(AGENCY_JUSTICE).orElseThrow();
        return new Planted(Dossier.submit("STATS-" + UUID.randomUUID(), record, justice, "001090000001",
                new Applicant("Nguyễn Văn An", "001090000001", "0912345678", "an@example.com", "Hà Nội"), channel,
                ResultDelivery.COUNTER, record.price(channel == Channel.ONLINE, 1, null, null), CITIZEN, at(when)));
    }

    private Planted received(Channel channel, String when) {
        return submitted(channel, when)
                .then(d -> d.receive(OFFICER, d.requiredDocuments(), true, deadlines, at(when)))
                .then(d -> d.assign(OFFICER, "specialist9", at(when)));
    }

    /** Resolved {@code daysFromDue} calendar days from the due date (negative: early). */
    private Planted resolved(Channel channel, String when, int daysFromDue) {
        return received(channel, when)
                .then(d -> d.approve(LEADER, "Đồng ý", at(when)))
                .then(d -> d.markResultReady(SPECIALIST, atTen(d.dueDate().plusDays(daysFromDue))));
    }

    @Test
    void everyFigureOfTheReportCountsWhatItSays() {
        Planted early = resolved(Channel.ONLINE, "2025-03-03T09:00", -3);
        Planted onTime = resolved(Channel.ONLINE, "2025-03-03T09:30", 0);
        // Late because the leader sent the first draft back: counted in March, as the day it was sent back.
        Planted late = received(Channel.IN_PERSON, "2025-03-04T09:00")
                .then(d -> d.requestRevision(LEADER, "Sai tên cơ sở trên giấy phép", at("2025-03-05T09:00")))
                .then(d -> d.approve(LEADER, "Đã sửa, đồng ý", at("2025-03-06T09:00")))
                .then(d -> d.markResultReady(SPECIALIST, atTen(d.dueDate().plusDays(3))));
        Planted overdueInHand = received(Channel.POSTAL, "2025-03-05T09:00");
        Planted withinTimeInHand = received(Channel.ONLINE, "2025-03-28T09:00");
        Planted byPost = resolved(Channel.ONLINE, "2025-03-10T09:00", -1)
                .then(d -> d.returnResult(new Actor("postal-service#e1", "postal-service", "system"), ResultDelivery.POST,
                        atTen(d.resolvedAt().atZone(HANOI).toLocalDate().plusDays(1))));
        Planted refused = submitted(Channel.ONLINE, "2025-03-12T09:00")
                .then(d -> d.refuse(OFFICER, "Không thuộc thẩm quyền", at("2025-03-12T10:00")));
        Planted receivedBefore = received(Channel.ONLINE, "2025-02-20T09:00")
                .then(d -> d.requestRevision(LEADER, "Thiếu căn cứ pháp lý", at("2025-02-27T09:00")))   // February's
                .then(d -> d.approve(LEADER, "Đồng ý", at("2025-03-05T10:00")))
                .then(d -> d.markResultReady(SPECIALIST, at("2025-03-06T10:00")));   // its due date: on time
        // Stored with every event their steps caused: the statistics see them as the projection does.
        List.of(early, onTime, late, overdueInHand, withinTimeInHand, byPost, refused, receivedBefore)
                .forEach(planted -> store.insert(new Changed<>(planted.dossier, planted.events)));
        store.insert(FeedbackMother.answered(AGENCY_JUSTICE, at("2025-03-05T09:00"), LocalDate.parse("2025-03-19"),
                at("2025-03-10T09:00")));
        store.insert(FeedbackMother.answered(AGENCY_JUSTICE, at("2025-03-01T09:00"), LocalDate.parse("2025-03-14"),
                at("2025-03-25T09:00")));
        store.insert(FeedbackMother.open(AGENCY_JUSTICE, at("2025-03-20T09:00"), LocalDate.parse("2025-03-27")));
        store.insert(FeedbackMother.open(AGENCY_JUSTICE, at("2025-03-25T09:00"), LocalDate.parse("2025-04-08")));

        Statistics.AgencyReport report = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> statistics.report(List.of(AGENCY_JUSTICE), LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"))
                        .getFirst(),
                figures -> figures.received() == 6 && figures.resolved() == 5 && figures.feedbackAnswered() == 2
                        && figures.notAccepted() == 1 && figures.returnedByPost() == 1 && figures.feedbackReceived() == 4);

        assertThat(report.received()).as("received in March (not the refused, not the February one)").isEqualTo(6);
        assertThat(report.receivedOnline()).isEqualTo(4);
        assertThat(report.receivedAtCounter()).isEqualTo(1);
        assertThat(report.receivedByPost()).isEqualTo(1);
        assertThat(report.onlineShare()).isEqualTo(0.667);
        assertThat(report.resolved()).as("resolved in March, also the one received in February").isEqualTo(5);
        assertThat(report.resolvedEarly()).isEqualTo(2);
        assertThat(report.resolvedOnTime()).isEqualTo(2);
        assertThat(report.resolvedOverdue()).isEqualTo(1);
        assertThat(report.inHandOverdue()).as("due before 31/3, still in hand").isEqualTo(1);
        assertThat(report.inHandWithinTime()).isEqualTo(1);
        assertThat(report.returnedByPost()).isEqualTo(1);
        assertThat(report.notAccepted()).isEqualTo(1);
        assertThat(report.feedbackReceived()).isEqualTo(4);
        assertThat(report.feedbackAnswered()).isEqualTo(2);
        assertThat(report.feedbackOverdue()).as("one answered late, one unanswered past its day").isEqualTo(2);
        assertThat(report.sentBackForRevision()).as("sent back in March, not the one sent back in February").isEqualTo(1);
        assertThat(receivedBefore.dossier.dueDate()).isEqualTo(LocalDate.parse("2025-03-06"));
        assertThat(overdueInHand.dossier.dueDate()).isBefore(LocalDate.parse("2025-03-31"));
        assertThat(withinTimeInHand.dossier.dueDate()).isAfter(LocalDate.parse("2025-03-31"));
    }
}
