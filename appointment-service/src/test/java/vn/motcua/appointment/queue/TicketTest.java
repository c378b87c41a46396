package vn.motcua.appointment.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.motcua.events.appointment.Admission;
import vn.motcua.events.appointment.TicketServed;
import vn.motcua.events.appointment.TurnNear;
import vn.motcua.events.appointment.VisitorCheckedIn;
import vn.motcua.events.appointment.VisitorNoShow;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.kit.problem.ApiProblem;

class TicketTest {
    private static final Instant NINE = Instant.parse("2026-12-01T02:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(10);

    private static Ticket waiting() {
        Changed<Ticket> issued = Ticket.issue("HV-XA", LocalDate.of(2026, 12, 1), "A", 12, "arrival-1", null, null, "0912345678", null, true, NINE);
        assertThat(issued.events()).singleElement().isInstanceOfSatisfying(VisitorCheckedIn.class,
                e -> assertThat(e.admission()).isEqualTo(Admission.WAITING_AREA));
        return issued.aggregate();
    }

    @Test
    void numbersAreTheCounterGroupsLetterAndThreeDigits() {
        assertThat(waiting().number()).isEqualTo("A012");
        assertThat(waiting().id()).isEqualTo("HV-XA|2026-12-01|A012");
    }

    @Test
    void aNoShowIsRecordedOnlyAfterTheGracePeriodFromTheCall() {
        Ticket ticket = waiting();
        ticket.call("Q1", NINE.plusSeconds(60));
        assertThatThrownBy(() -> ticket.noShow(GRACE, NINE.plusSeconds(60).plus(GRACE).minusSeconds(1)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(409));
        assertThat(ticket.status()).isEqualTo(TicketStatus.CALLED);
        assertThat(ticket.noShow(GRACE, NINE.plusSeconds(60).plus(GRACE))).singleElement()
                .isInstanceOfSatisfying(VisitorNoShow.class, e -> assertThat(e.ticketNumber()).isEqualTo("A012"));
        assertThat(ticket.status()).isEqualTo(TicketStatus.NO_SHOW);
    }

    @Test
    void servingTellsHowLongTheVisitorWaitedFromCheckInToCall() {
        Ticket ticket = waiting();
        ticket.call("Q2", NINE.plusSeconds(300));
        assertThat(ticket.serve("officer1", NINE.plusSeconds(900))).singleElement()
                .isInstanceOfSatisfying(TicketServed.class, e -> assertThat(e.waitedSeconds()).isEqualTo(300));
        assertThatThrownBy(() -> ticket.serve("officer1", NINE.plusSeconds(901))).isInstanceOf(ApiProblem.class);
    }

    @Test
    void turnNearIsToldOnceAndOnlyWhileWaiting() {
        Ticket ticket = waiting();
        assertThat(ticket.tellTurnNear(2, NINE)).singleElement()
                .isInstanceOfSatisfying(TurnNear.class, e -> assertThat(e.peopleBefore()).isEqualTo(2));
        assertThat(ticket.tellTurnNear(1, NINE)).isEmpty();
        Ticket virtual = Ticket.issue("HV-XA", LocalDate.of(2026, 12, 1), "A", 13, "arrival-2", null, null, null, null, false, NINE).aggregate();
        assertThat(virtual.tellTurnNear(0, NINE)).isEmpty();
        assertThat(virtual.seat(4, NINE)).singleElement()
                .isInstanceOfSatisfying(TurnNear.class, e -> assertThat(e.admittedFromVirtualQueue()).isTrue());
        assertThat(virtual.status()).isEqualTo(TicketStatus.WAITING);
    }

    @Test
    void onlyAWaitingVisitorMayLeave() {
        Ticket ticket = waiting();
        ticket.call("Q1", NINE);
        assertThatThrownBy(() -> ticket.leave(NINE)).isInstanceOf(ApiProblem.class);
    }
}
