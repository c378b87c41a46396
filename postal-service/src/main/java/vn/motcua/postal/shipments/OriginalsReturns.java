package vn.motcua.postal.shipments;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.motcua.events.dossier.DossierReceived;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.postal.ShipmentDelivered;
import vn.motcua.events.postal.ShipmentPurpose;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.postal.reference.Procedures;

/**
 * Paper originals the post collected go back to the citizen (ADR 0077): when their dossier closes, once they are at the
 * agency, or when the agency's officer has checked them, which for originals the catalog says are only compared is when the
 * dossier is received (ADR 0080); of a procedure the catalog is silent on, the agency's officers are asked when the result
 * is ready (ADR 0083). The return is a shipment of its own, handed over like a result.
 */
@Service
class OriginalsReturns implements EventSubscriber {
    private final AggregateStore store;
    private final ShipmentRepository shipments;
    private final ShipmentChanges changes;
    private final HandOver handOver;
    private final Procedures procedures;
    private final Clock clock;

    OriginalsReturns(AggregateStore store, ShipmentRepository shipments, ShipmentChanges changes, HandOver handOver,
            Procedures procedures, Clock clock) {
        this.store = store;
        this.shipments = shipments;
        this.changes = changes;
        this.handOver = handOver;
        this.procedures = procedures;
        this.clock = clock;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(ShipmentDelivered.class, this::delivered).on(DossierReceived.class, this::received)
                .on(DossierResultReady.class, this::resultReady);
    }

    /**
     * The result is ready: originals the catalog does not say the agency keeps or only compares, still there or on their
     * way, are put to its officers once, to go back with the result or stay (ADR 0083). A procedure the read model does not
     * know yet is asked about too: asking costs a message, forgetting costs the citizen their papers.
     */
    private void resultReady(IncomingEvent<DossierResultReady> event) {
        DossierSnapshot dossier = event.data().dossier();
        boolean undecided = procedures.byCode(dossier.procedureCode()).map(Procedures.Procedure::originalsLeftToTheOfficers).orElse(true);
        if (undecided) {
            shipments.findById(Shipment.originalsId(dossier.dossierCode())).ifPresent(originals -> store.applyOnce(originals,
                    event.eventId(), o -> o.resultReadyWithOriginalsUndecided(clock.instant())));
        }
    }

    /**
     * Received: the officer has seen the originals, as reception requires. Those the catalog says the agency only compares
     * have done their work and go back, at once or when the operator reports them at the agency; those it keeps stay, and
     * their citizen is told so, once (ADR 0085); those of a procedure that does not say stay for now (ADR 0083).
     */
    private void received(IncomingEvent<DossierReceived> event) {
        DossierSnapshot dossier = event.data().dossier();
        String originalsId = Shipment.originalsId(dossier.dossierCode());
        Optional<Procedures.Procedure> procedure = procedures.byCode(dossier.procedureCode());
        if (procedure.filter(Procedures.Procedure::originalsOnlyCompared).isPresent()) {
            shipments.findById(originalsId).ifPresent(originals -> ifToGoBack(
                    store.updateRetrying(originals, () -> shipments.findById(originalsId).orElseThrow(), Shipment::checkedAtReception)));
        } else if (procedure.filter(Procedures.Procedure::originalsKept).isPresent()) {
            shipments.findById(originalsId).ifPresent(originals -> store.applyOnce(originals, event.eventId(),
                    o -> o.receivedToKeep(clock.instant())));
        }
    }

    /**
     * The dossier closed, or was received with originals only compared, and its originals shipment knows it: those collected
     * go back. The closure (or reception) and the originals' arrival each call this with the shipment as their own write left
     * it, a version-guarded write after the other's, so whichever comes second sees the other.
     */
    void ifToGoBack(Shipment originals) {
        if (originals.originalsToGoBack()) {
            sendBack(originals, originals.whyBack());
        }
    }

    /**
     * Originals reaching the agency after their dossier closed are what a planned return waits for; those its officers were
     * asked about on their way are put to them again, unless a return is planned already (ADR 0083); those the agency keeps,
     * of a dossier it received before they were collected, are told to their citizen now (ADR 0085).
     */
    private void delivered(IncomingEvent<ShipmentDelivered> event) {
        if (event.data().purpose() != ShipmentPurpose.PAPER_ORIGINALS) {
            return;
        }
        String originalsId = Shipment.originalsId(event.data().dossierCode());
        shipments.findById(originalsId).ifPresent(originals -> {
            ifToGoBack(originals);
            if (originals.awaitsArrival()) {
                boolean returnPlanned = originals.askedBeforeArrival()
                        && shipments.existsById(Shipment.originalsReturnId(originals.dossierCode()));
                store.applyOnce(originals, event.eventId(), o -> o.arrivedAtTheAgency(clock.instant(), returnPlanned));
            }
        });
    }

    /**
     * The agency's officer has checked the originals and sends them back to the citizen; asked again, the same return.
     * Another agency's shipment, or one the caller may not see, is 404.
     */
    Shipment returnChecked(String originalsId, Caller officer) {
        Shipment originals = shipments.findById(originalsId).filter(s -> ShipmentReach.sees(officer, s))
                .orElseThrow(() -> ApiProblem.notFound("Shipment", originalsId));
        originals.checkSendableBackByTheAgency();
        Optional<Shipment> planned = shipments.findById(Shipment.originalsReturnId(originals.dossierCode()));
        return planned.isPresent() ? planned.get() : sendBack(originals, Shipment.CHECKED);
    }

    /** Plans the return once, marks it ready once the originals are at the agency, and hands it over when it can leave. */
    private Shipment sendBack(Shipment originals, String why) {
        Shipment back = changes.insertedOnce(Shipment.originalsBack(originals, why, clock.instant()));
        if (originals.status() == Shipment.Status.DELIVERED && !back.resultReady()) {
            back = changes.change(back.id(), Shipment::markResultReady);
        }
        return handOver.ifReady(back).orElse(back);
    }
}
