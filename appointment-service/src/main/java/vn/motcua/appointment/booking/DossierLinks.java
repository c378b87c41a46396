package vn.motcua.appointment.booking;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.appointment.capacity.Capacities;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.events.dossier.Channel;
import vn.motcua.events.dossier.DossierReturned;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.kit.outbox.AggregateStore;

/**
 * Marks a booking used when what it was for happened at the counter: the paper dossier of a
 * hand-in registered there (a dossier submitted in person by the booking's citizen, for its
 * procedure, at its agency, on its day), or the result of a collection returned. Each event is
 * applied to a booking once.
 */
@Component
class DossierLinks implements EventSubscriber {
    private final BookingRepository bookings;
    private final AggregateStore store;
    private final BookingDesk desk;

    DossierLinks(BookingRepository bookings, AggregateStore store, BookingDesk desk) {
        this.bookings = bookings;
        this.store = store;
        this.desk = desk;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierSubmitted.class, this::submitted).on(DossierReturned.class, this::returned);
    }

    void submitted(IncomingEvent<DossierSubmitted> event) {
        DossierSnapshot dossier = event.data().dossier();
        if (dossier.submittedVia() != Channel.IN_PERSON || dossier.ownerCitizenId() == null) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(event.data().submittedAt(), Capacities.ZONE);
        List<Booking> candidates = bookings.findByCitizenIdAndProcedureCodeAndAgencyCodeAndDate(dossier.ownerCitizenId(),
                dossier.procedureCode(), dossier.agencyCode(), day.toString());
        candidates.stream().filter(b -> b.purpose() == VisitPurpose.HAND_IN).filter(b -> !b.hasApplied(event.eventId()))
                .filter(b -> b.status() == BookingStatus.CHECKED_IN || b.status() == BookingStatus.CONFIRMED)
                .findFirst().ifPresent(booking -> use(booking, event.eventId()));
    }

    void returned(IncomingEvent<DossierReturned> event) {
        bookings.findByDossierCode(event.data().dossier().dossierCode()).stream()
                .filter(b -> b.purpose() == VisitPurpose.COLLECT_RESULT)
                .forEach(booking -> use(booking, event.eventId()));
    }

    private void use(Booking booking, String eventId) {
        boolean wasConfirmed = booking.status() == BookingStatus.CONFIRMED;
        boolean[] changed = {false};
        store.applyOnce(booking, eventId, b -> {
            changed[0] = b.markUsed();
            return List.of();
        });
        if (changed[0] && wasConfirmed) {
            desk.giveBack(booking);
        }
    }
}
