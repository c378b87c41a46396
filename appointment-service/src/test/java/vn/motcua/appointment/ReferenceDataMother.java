package vn.motcua.appointment;

import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import vn.motcua.appointment.reference.ChannelPolicies;
import vn.motcua.appointment.reference.Procedures;
import vn.motcua.appointment.reference.WorkingDays;
import vn.motcua.events.calendar.WorkingCalendarPublished;
import vn.motcua.events.catalog.ChannelPolicyPublished;
import vn.motcua.events.catalog.ChannelRule;
import vn.motcua.events.catalog.ProcedurePublished;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.testinfra.CallerMother;
import vn.motcua.testinfra.EventMother;
import vn.motcua.testinfra.KafkaProbe;

/**
 * The dossier service's facts the appointment service books by, published on the real broker as
 * the dossier service would and awaited in the read models: working calendars of this year and
 * the next (no days off, so every weekday opens), and test procedures.
 */
public final class ReferenceDataMother {
    public static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final String OFFICE = "TT-HUYEN";
    public static final String SMALL_OFFICE = "HV-XA";
    /** Online at level 4, not urgent, field Hộ tịch (counters Q1, Q2): refused for hand-in under online-first. */
    public static final String ONLINE_PROCEDURE = "T.HOTICH.4";
    /** Online at level 4 but on the urgent list: taken in person even under online-first. */
    public static final String URGENT_PROCEDURE = "T.URGENT.4";
    /** Information only online (level 2), field Đất đai (counter Q3). */
    public static final String COUNTER_PROCEDURE = "T.DATDAI.2";
    private static final int CALENDAR_VERSION = 1000;

    private ReferenceDataMother() {
    }

    public static synchronized void publish(WorkingDays workingDays, Procedures procedures) {
        int year = LocalDate.now(HANOI).getYear();
        if (workingDays.versionOf(year + 1).orElse(0) >= CALENDAR_VERSION && procedures.byCode(COUNTER_PROCEDURE).isPresent()) {
            return;
        }
        for (int y : List.of(year, year + 1)) {
            KafkaProbe.send(EventMother.record(new WorkingCalendarPublished(y, CALENDAR_VERSION, List.of(), List.of(), false,
                    "test calendar", LocalDate.of(y - 1, 11, 1), Instant.now())));
        }
        KafkaProbe.send(EventMother.record(procedure(ONLINE_PROCEDURE, "Đăng ký khai sinh (thử)", "Hộ tịch", 4, false)));
        KafkaProbe.send(EventMother.record(procedure(URGENT_PROCEDURE, "Cấp bản sao trích lục (thử)", "Hộ tịch", 4, true)));
        KafkaProbe.send(EventMother.record(procedure(COUNTER_PROCEDURE, "Hòa giải tranh chấp đất đai (thử)", "Đất đai", 2, false)));
        await().atMost(Duration.ofSeconds(30)).until(() -> workingDays.versionOf(year + 1).orElse(0) >= CALENDAR_VERSION
                && procedures.byCode(ONLINE_PROCEDURE).isPresent() && procedures.byCode(URGENT_PROCEDURE).isPresent()
                && procedures.byCode(COUNTER_PROCEDURE).isPresent());
    }

    /** An online-first policy for Thường Tín on one day only, so that other tests' days keep the default. */
    public static void onlineFirstOn(LocalDate day, ChannelPolicies policies) {
        String id = "test-online-first-" + day;
        KafkaProbe.send(EventMother.record(new ChannelPolicyPublished(id, 1, null, CallerMother.AGENCY_THUONG_TIN,
                ChannelRule.ONLINE_FIRST, day, day, "Chỉ thị thử nghiệm", day.minusDays(30), Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> policies.inForce(CallerMother.AGENCY_THUONG_TIN, day).rule()
                == ChannelRule.ONLINE_FIRST);
    }

    private static final AtomicInteger NEXT_DAY = new AtomicInteger(3);

    /** A weekday from 3 days ahead on that no other test of this JVM was given: tests never share a slot. */
    public static LocalDate freshWeekday() {
        while (true) {
            LocalDate day = LocalDate.now(HANOI).plusDays(NEXT_DAY.getAndIncrement());
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                return day;
            }
        }
    }

    /** The first weekday at least {@code daysAhead} days after today (Hà Nội). */
    public static LocalDate weekdayAhead(int daysAhead) {
        LocalDate day = LocalDate.now(HANOI).plusDays(daysAhead);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The first weekday after {@code day}. */
    public static LocalDate weekdayAfter(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static ProcedurePublished procedure(String code, String name, String field, int onlineLevel, boolean urgent) {
        return new ProcedurePublished(code, 1, name, field, "COMMUNE", onlineLevel, 5, true, true, false, false, urgent,
                List.of("Tờ khai"), List.of(), FeeStage.INTAKE, null, Instant.now());
    }
}
