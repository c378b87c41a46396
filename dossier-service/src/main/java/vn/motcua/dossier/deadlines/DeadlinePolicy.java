package vn.motcua.dossier.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Supplier;

/**
 * The rules that turn a procedure's processing time in working days into dates: a dossier
 * received after the cut-off (the procedure's or its agency's, else this policy's default), or on
 * a day off, counts from the next working day; the
 * result is due on the N-th working day after that; a paused dossier keeps the working days it
 * had left and gets them back when it resumes.
 */
public class DeadlinePolicy {
    private final Supplier<WorkingCalendar> calendar;
    private final ZoneId zone;
    private final LocalTime cutOff;
    private final int atRiskWorkingDays;
    private final Reappointment reappointment;

    /**
     * How an agency may set a new date when it cannot keep the due date (form 04, the apology
     * with a new date; Decree 61/2018 art. 19 as amended by Decree 107/2021).
     *
     * @param allowedPerDossier how many new dates one dossier may get
     * @param latestDaysBeforeDue the apology is sent at the latest this many days before the due date
     */
    public record Reappointment(int allowedPerDossier, int latestDaysBeforeDue) {
    }

    public DeadlinePolicy(WorkingCalendar calendar, ZoneId zone, LocalTime cutOff, int atRiskWorkingDays,
            Reappointment reappointment) {
        this(() -> calendar, zone, cutOff, atRiskWorkingDays, reappointment);
    }

    /** @param calendar the calendar as currently published; asked at every computation, as ops may correct it */
    public DeadlinePolicy(Supplier<WorkingCalendar> calendar, ZoneId zone, LocalTime cutOff, int atRiskWorkingDays,
            Reappointment reappointment) {
        this.calendar = calendar;
        this.zone = zone;
        this.cutOff = cutOff;
        this.atRiskWorkingDays = atRiskWorkingDays;
        this.reappointment = reappointment;
    }

    public Reappointment reappointment() {
        return reappointment;
    }

    /** The last day on which an apology with a new date may still be sent for this due date. */
    public LocalDate lastDayToReappoint(LocalDate dueDate) {
        return dueDate.minusDays(reappointment.latestDaysBeforeDue());
    }

    /** The working day from which the processing time is counted, with the default cut-off. */
    public LocalDate countingDay(Instant at) {
        return countingDay(at, null);
    }

    /**
     * The working day from which the processing time is counted.
     *
     * @param dossierCutOff the cut-off of the dossier's procedure or agency ("15:00"), or null for the default
     */
    public LocalDate countingDay(Instant at, String dossierCutOff) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!calendar.get().isWorkingDay(day)) {
            return calendar.get().onOrAfter(day);
        }
        LocalTime applies = dossierCutOff == null ? cutOff : LocalTime.parse(dossierCutOff);
        return local.toLocalTime().isBefore(applies) ? day : calendar.get().onOrAfter(day.plusDays(1));
    }

    public LocalDate dueDate(Instant receivedAt, int processingDays) {
        return dueDate(receivedAt, processingDays, null);
    }

    public LocalDate dueDate(Instant receivedAt, int processingDays, String dossierCutOff) {
        return calendar.get().plusWorkingDays(countingDay(receivedAt, dossierCutOff), processingDays);
    }

    /** Working days left at a pause, to be given back on resume. */
    public int workingDaysLeft(Instant at, LocalDate dueDate) {
        return calendar.get().workingDaysBetween(today(at), dueDate);
    }

    public LocalDate resumedDueDate(Instant resumedAt, int workingDaysLeft) {
        return resumedDueDate(resumedAt, workingDaysLeft, null);
    }

    public LocalDate resumedDueDate(Instant resumedAt, int workingDaysLeft, String dossierCutOff) {
        return calendar.get().plusWorkingDays(countingDay(resumedAt, dossierCutOff), workingDaysLeft);
    }

    public LocalDate today(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    public boolean isOverdue(LocalDate dueDate, LocalDate today) {
        return today.isAfter(dueDate);
    }

    public boolean isAtRisk(LocalDate dueDate, LocalDate today) {
        return !isOverdue(dueDate, today) && calendar.get().workingDaysBetween(today, dueDate) <= atRiskWorkingDays;
    }

    /** Latest due date that counts as at risk today, for querying. */
    public LocalDate atRiskHorizon(LocalDate today) {
        return calendar.get().plusWorkingDays(today, atRiskWorkingDays);
    }

    public WorkingCalendar calendar() {
        return calendar.get();
    }

    public ZoneId zone() {
        return zone;
    }
}
