package vn.motcua.postal.shipments;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.Channel;
import vn.motcua.events.dossier.DossierFeesPriced;
import vn.motcua.events.dossier.DossierRejected;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierStopped;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.DossierWithdrawn;
import vn.motcua.events.dossier.PricedFeeLine;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentCompleted;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.postal.reference.Procedures;
import vn.motcua.postal.tariffs.TariffBook;

/**
 * Results that go by post: planned when the applicant asks for it (the citizen is asked to confirm
 * the address), told the fees the postman collects, and handed to the operator with an S10 item
 * id and a frozen price once the result is ready and the address's province is known. Paper
 * originals an agency must see are offered likewise at submission, and leave when the citizen
 * confirms where to collect them; a closed dossier's go back ({@link OriginalsReturns}), as does a paper dossier the post
 * brought ({@link PaperDossierReturns}).
 */
@Service
public class ResultDeliveries implements EventSubscriber {
    private static final Logger log = LoggerFactory.getLogger(ResultDeliveries.class);

    private final AggregateStore store;
    private final ShipmentRepository shipments;
    private final ShipmentChanges changes;
    private final HandOver handOver;
    private final OriginalsReturns originalsReturns;
    private final PaperDossierReturns paperDossierReturns;
    private final TariffBook tariffs;
    private final Procedures procedures;
    private final Clock clock;
    private final String operator;

    ResultDeliveries(AggregateStore store, ShipmentRepository shipments, ShipmentChanges changes, HandOver handOver,
            OriginalsReturns originalsReturns, PaperDossierReturns paperDossierReturns, TariffBook tariffs, Procedures procedures,
            Clock clock,
            @Value("${motcua.postal.default-operator}") String operator) {
        this.store = store;
        this.shipments = shipments;
        this.changes = changes;
        this.handOver = handOver;
        this.originalsReturns = originalsReturns;
        this.paperDossierReturns = paperDossierReturns;
        this.tariffs = tariffs;
        this.procedures = procedures;
        this.clock = clock;
        this.operator = operator;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierSubmitted.class, this::submitted).on(DossierResultReady.class, this::resultReady)
                .on(DossierFeesPriced.class, this::feesPriced).on(PaymentCompleted.class, this::paid)
                .on(DossierRejected.class, event -> closed(event, event.data().dossier(), "Hồ sơ bị từ chối"))
                .on(DossierWithdrawn.class, event -> closed(event, event.data().dossier(), "Hồ sơ được rút"))
                .on(DossierStopped.class, event -> closed(event, event.data().dossier(), "Hồ sơ dừng xử lý"));
    }

    /**
     * A closed dossier's result will never come, and its originals are not needed: what has not left yet stays (ADR 0075).
     * Originals the postman already collected go back (ADR 0077), and so does the paper dossier he brought (ADR 0081).
     */
    private void closed(IncomingEvent<?> event, DossierSnapshot dossier, String reason) {
        Instant now = clock.instant();
        String code = dossier.dossierCode();
        Optional<Shipment> originals = shipments.findById(Shipment.originalsId(code));
        Optional<Shipment> pickup = paperDossierReturns.pickupOf(code);
        // Each is changed in place by its write (or was, by this event before), and is then as stored.
        Stream.of(shipments.findById(Shipment.resultDeliveryId(code)), originals, pickup).flatMap(Optional::stream)
                .forEach(shipment -> store.applyOnce(shipment, event.eventId(), s -> s.dossierClosed(reason, now)));
        originals.ifPresent(originalsReturns::ifToGoBack);
        pickup.ifPresent(paperDossierReturns::ifToGoBack);
    }

    private void submitted(IncomingEvent<DossierSubmitted> event) {
        DossierSnapshot dossier = event.data().dossier();
        Applicant applicant = event.data().applicant();
        Shipment.Destination citizen = new Shipment.Destination(applicant.fullName(), applicant.phone(), applicant.address(),
                provinceIn(applicant.address()).orElse(null));
        Shipment.Origin origin = new Shipment.Origin(dossier.agencyCode(), dossier.procedureCode(), dossier.channel());
        Optional<Procedures.Procedure> procedure = procedures.byCode(dossier.procedureCode());
        if (dossier.submittedVia() == Channel.ONLINE && procedure.filter(Procedures.Procedure::needsPaperOriginals).isPresent()) {
            // The agency must see the originals: the post offers to collect them (they leave when the citizen confirms).
            store.insertOnce(Shipment.offeredOriginals(dossier.dossierCode(), dossier.ownerCitizenId(), operator, origin, citizen,
                    clock.instant()));
        }
        if (dossier.resultDelivery() != ResultDelivery.POST) {
            return;
        }
        if (procedure.filter(p -> !p.resultMayTravelByPost()).isPresent()) {
            log.warn("Dossier {} asks for its result by post, but procedure {} needs the register signed in person: no shipment",
                    dossier.dossierCode(), dossier.procedureCode());
            return;
        }
        // The id is derived from the dossier: a redelivered event finds the shipment already there.
        store.insertOnce(Shipment.plannedResultDelivery(dossier.dossierCode(), dossier.ownerCitizenId(), operator, origin, citizen,
                clock.instant()));
    }

    private void feesPriced(IncomingEvent<DossierFeesPriced> event) {
        long onDelivery = event.data().lines().stream().filter(line -> line.stage() == FeeStage.RESULT)
                .mapToLong(PricedFeeLine::amount).sum();
        if (onDelivery > 0) {
            resultDeliveryOf(event.data().dossier())
                    .ifPresent(shipment -> store.applyOnce(shipment, event.eventId(), s -> s.collectOnDelivery(onDelivery)));
        }
    }

    /** Result fees paid online or at the counter are not collected again at the door, even once the item has left. */
    private void paid(IncomingEvent<PaymentCompleted> event) {
        if (event.data().stage() == FeeStage.RESULT && event.data().method() != PaymentMethod.CASH_ON_DELIVERY) {
            Instant now = clock.instant();
            shipments.findById(Shipment.resultDeliveryId(event.data().dossierCode()))
                    .ifPresent(shipment -> store.applyOnce(shipment, event.eventId(), s -> s.feesPaidOtherwise(now)));
        }
    }

    private void resultReady(IncomingEvent<DossierResultReady> event) {
        resultDeliveryOf(event.data().dossier()).ifPresent(shipment -> {
            store.applyOnce(shipment, event.eventId(), Shipment::markResultReady);
            handOver.ifReady(shipment);
        });
    }

    /** The citizen confirms or changes the address; a result already ready leaves at once. */
    public Shipment confirmAddress(String shipmentId, String citizenId, Shipment.Destination asked) {
        String province = tariffs.requireProvince(asked.province()).name();
        Shipment.Destination destination = new Shipment.Destination(asked.recipientName(), asked.recipientPhone(),
                asked.address(), province);
        Shipment confirmed = changes.change(shipmentId, shipment -> {
            if (citizenId == null || !citizenId.equals(shipment.ownerCitizenId())) {
                throw ApiProblem.notFound("Shipment", shipmentId);
            }
            if (shipment.kind() == Shipment.Kind.RESULT_DELIVERY
                    && procedures.byCode(shipment.origin().procedureCode()).filter(p -> !p.resultMayTravelByPost()).isPresent()) {
                throw ApiProblem.unprocessable("result-needs-signature-in-person",
                        "The register of this procedure must be signed in person: collect the result at the counter");
            }
            return shipment.confirmAddress(destination, clock.instant());
        });
        return handOver.ifReady(confirmed).orElse(confirmed);
    }

    private Optional<Shipment> resultDeliveryOf(DossierSnapshot dossier) {
        return dossier.resultDelivery() == ResultDelivery.POST
                ? shipments.findById(Shipment.resultDeliveryId(dossier.dossierCode())) : Optional.empty();
    }

    /** The province named in a free-text address, looking from its end ("…, Thường Tín, Hà Nội"). */
    private Optional<String> provinceIn(String address) {
        if (address == null) {
            return Optional.empty();
        }
        List<String> parts = Arrays.asList(address.split(","));
        for (int i = parts.size() - 1; i >= 0; i--) {
            Optional<TariffBook.Province> province = tariffs.province(parts.get(i).strip());
            if (province.isPresent()) {
                return province.map(TariffBook.Province::name);
            }
        }
        return Optional.empty();
    }
}
