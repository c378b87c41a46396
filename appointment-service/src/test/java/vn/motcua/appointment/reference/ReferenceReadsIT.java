package vn.motcua.appointment.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.motcua.appointment.ReferenceDataMother;
import vn.motcua.events.calendar.WorkingCalendarPublished;
import vn.motcua.events.catalog.ChannelRule;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.testinfra.InfrastructureTest;

/**
 * Bookings decide by the calendar, the catalog and the channel policies, held in memory for a short
 * while (ADR 0027). A version another instance took, its consumer having got the event, is written
 * to storage here directly as that instance would: this instance follows it within the window, and
 * a procedure it had never found is seen at once. A version this instance takes is seen at once.
 */
@SpringBootTest
@InfrastructureTest
class ReferenceReadsIT {
    @Autowired
    ChannelPolicies policies;
    @Autowired
    Procedures procedures;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    MongoTemplate mongo;
    @Value("${motcua.appointment.reference-fresh-for}")
    Duration freshFor;

    @Test
    void aPolicyAnotherInstanceTookAppliesHereWithinTheWindow() {
        LocalDate day = ReferenceDataMother.freshWeekday();
        long before = System.nanoTime();
        assertThat(policies.inForce(AGENCY_THUONG_TIN, day).rule()).isEqualTo(ChannelRule.APPLICANT_CHOOSES);

        mongo.insert(new ChannelPolicies.Policy("other-instance-" + UUID.randomUUID(), 1, null, AGENCY_THUONG_TIN,
                ChannelRule.ONLINE_FIRST, day, day, "Chỉ thị thử nghiệm"), ChannelPolicies.COLLECTION);
        boolean stillInWindow = Duration.ofNanos(System.nanoTime() - before).compareTo(freshFor.minusSeconds(1)) < 0;
        ChannelRule heldHere = policies.inForce(AGENCY_THUONG_TIN, day).rule();
        assumeThat(stillInWindow).as("the machine stalled past the window between two reads").isTrue();
        assertThat(heldHere).as("served from memory, not read again").isEqualTo(ChannelRule.APPLICANT_CHOOSES);

        await().atMost(freshFor.plusSeconds(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> policies.inForce(AGENCY_THUONG_TIN, day).rule() == ChannelRule.ONLINE_FIRST);
    }

    @Test
    void aProcedureNotFoundIsNotHeldSoItsPublicationIsSeenAtOnce() {
        String code = "T.NEW." + UUID.randomUUID();
        assertThat(procedures.byCode(code)).isEmpty();

        mongo.insert(new Procedures.Procedure(code, 1, "Thủ tục mới (thử)", "Hộ tịch", 4, false, true),
                Procedures.COLLECTION);

        assertThat(procedures.byCode(code)).map(Procedures.Procedure::name).contains("Thủ tục mới (thử)");
    }

    @Test
    void aNewerCalendarVersionThisInstanceTakesIsSeenAtOnce() {
        int year = 2090 + ThreadLocalRandom.current().nextInt(100);
        LocalDate monday = LocalDate.of(year, 3, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        workingDays.published(calendar(year, 1, List.of(monday)));
        assertThat(workingDays.day(monday).working()).isFalse();

        workingDays.published(calendar(year, 2, List.of()));

        assertThat(workingDays.day(monday).working()).as("the correction, not the version held").isTrue();
    }

    private static IncomingEvent<WorkingCalendarPublished> calendar(int year, int version, List<LocalDate> daysOff) {
        return new IncomingEvent<>(UUID.randomUUID().toString(), "WorkingCalendarPublished", 1, String.valueOf(year),
                Instant.now(), null, new WorkingCalendarPublished(year, version, daysOff, List.of(), false,
                        "Thông báo thử nghiệm", LocalDate.of(year - 1, 11, 1), Instant.now()));
    }
}
