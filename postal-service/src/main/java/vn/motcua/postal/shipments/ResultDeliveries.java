package vn.motcua.postal.shipments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
import vn.motcua.events.postal.ShipmentDelivered;
import vn.motcua.events.postal.ShipmentPurpose;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.postal.reference.Procedures;
import vn.motcua.postal.tariffs.TariffBook;
import vn.motcua.postal.tariffs.TariffRules;
import vn.motcua.postal.tracking.TrackingRanges;

/**
 * Results that go by post: planned when the applicant asks for it (the citizen is asked to confirm
 * the address), told the fees the postman collects, and handed to the operator with an S10 item
 * id and a frozen price once the result is ready and the address's province is known. Paper
 * originals an agency must see are offered likewise at submission, and leave when the citizen
 * confirms where to collect them; collected for a dossier that then closed, they go back (ADR 0077).
 */
@Service
public class ResultDeliveries implements EventSubscriber {
    /** Registered items (R): results and dossiers travel as registered letters. */
    static final String SERVICE_INDICATOR = "RR";
    private static final Logger log = LoggerFactory.getLogger(ResultDeliveries.class);

    private final AggregateStore store;
    private final ShipmentRepository shipments;
    private final ShipmentChanges changes;
    private final TrackingRanges ranges;
    private final TariffBook tariffs;
    private final Procedures procedures;
    private final Clock clock;
    private final String operator;
    private final int resultWeightGrams;

    ResultDeliveries(AggregateStore store, ShipmentRepository shipments, ShipmentChanges changes, TrackingRanges ranges, TariffBook tariffs,
            Procedures procedures, Clock clock, @Value("${motcua.postal.default-operator}") String operator,
            @Value("${motcua.postal.result-weight-grams:200}") int resultWeightGrams) {
        this.store = store;
        this.shipments = shipments;
        this.changes = changes;
        this.ranges = ranges;
        this.tariffs = tariffs;
        this.procedures = procedures;
        this.clock = clock;
        this.operator = operator;
        this.resultWeightGrams = resultWeightGrams;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(DossierSubmitted.class, this::submitted).on(DossierResultReady.class, this::resultReady)
                .on(DossierFeesPriced.class, this::feesPriced).on(PaymentCompleted.class, this::paid)
                .on(DossierRejected.class, event -> closed(event, event.data().dossier(), "Hồ sơ bị từ chối"))
                .on(DossierWithdrawn.class, event -> closed(event, event.data().dossier(), "Hồ sơ được rút"))
                .on(DossierStopped.class, event -> closed(event, event.data().dossier(), "Hồ sơ dừng xử lý"))
                .on(ShipmentDelivered.class, this::delivered);
    }

    /**
     * A closed dossier's result will never come, and its originals are not needed: what has not left yet stays (ADR 0075).
     * Originals the postman already collected go back (ADR 0077).
     */
    private void closed(IncomingEvent<?> event, DossierSnapshot dossier, String reason) {
        Instant now = clock.instant();
        for (String id : List.of(Shipment.resultDeliveryId(dossier.dossierCode()), Shipment.originalsId(dossier.dossierCode()))) {
            shipments.findById(id).ifPresent(shipment -> store.applyOnce(shipment, event.eventId(), s -> s.dossierClosed(reason, now)));
        }
        sendOriginalsBack(dossier.dossierCode());
    }

    /** Originals reaching the agency after their dossier closed are what a planned return waits for. */
    private void delivered(IncomingEvent<ShipmentDelivered> event) {
        if (event.data().purpose() == ShipmentPurpose.PAPER_ORIGINALS) {
            sendOriginalsBack(event.data().dossierCode());
        }
    }

    /**
     * Plans the return of a closed dossier's originals, and hands it over once they are at the agency. Both the closure and
     * the originals' arrival call it, each after its own write, so whichever comes second sees the other (ADR 0077).
     */
    private void sendOriginalsBack(String dossierCode) {
        shipments.findById(Shipment.originalsId(dossierCode)).filter(Shipment::originalsToGoBack)
                .ifPresent(originals -> sendBack(originals, originals.closedWith()));
    }

    /**
     * The agency's officer has checked the originals and sends them back to the citizen (ADR 0077); asked again, the same
     * return. Another agency's shipment, or one the caller may not see, is 404.
     */
    public Shipment returnCheckedOriginals(String originalsId, Caller officer) {
        Shipment originals = shipments.findById(originalsId).filter(s -> ShipmentReach.sees(officer, s))
                .orElseThrow(() -> ApiProblem.notFound("Shipment", originalsId));
        originals.checkSendableBackByTheAgency();
        Optional<Shipment> planned = shipments.findById(Shipment.originalsReturnId(originals.dossierCode()));
        return planned.isPresent() ? planned.get() : sendBack(originals, "Cơ quan giải quyết đã đối chiếu xong bản chính");
    }

    /** Plans the originals' return once, marks it ready once they are at the agency, and hands it over when it can leave. */
    private Shipment sendBack(Shipment originals, String why) {
        store.insertOnce(Shipment.originalsBack(originals, why, clock.instant()));
        Shipment back = shipments.findById(Shipment.originalsReturnId(originals.dossierCode())).orElseThrow();
        if (originals.status() == Shipment.Status.DELIVERED && !back.resultReady()) {
            back = changes.change(back.id(), Shipment::markResultReady);
        }
        return handOverIfReady(back).orElse(back);
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
            handOverIfReady(shipment);
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
        return handOverIfReady(confirmed).orElse(confirmed);
    }

    /** @param current the shipment as just read or written: only one ready to leave is read again, to be handed over */
    private Optional<Shipment> handOverIfReady(Shipment current) {
        if (!current.readyToHandOver()) {
            return Optional.empty();
        }
        String itemId = ranges.next(current.operator(), SERVICE_INDICATOR).toString();
        return Optional.of(changes.change(current.id(), shipment -> shipment.request(itemId, quote(shipment), clock.instant())));
    }

    private TariffRules.Quote quote(Shipment shipment) {
        Shipment.Origin origin = shipment.origin();
        Optional<Procedures.Procedure> procedure = procedures.byCode(origin.procedureCode());
        Integer onlineLevel = origin.channel() == Channel.ONLINE.code() ? procedure.map(Procedures.Procedure::onlineLevel).orElse(null)
                : null;
        String agencyProvince = tariffs.provinceOfAgency(origin.agencyCode()).map(TariffBook.Province::name)
                .orElse(shipment.addressProvince());
        return tariffs.rules().quote(new TariffRules.Shipment(shipment.kind().service(), shipment.operator(),
                origin.agencyCode(), agencyProvince, shipment.addressProvince(), resultWeightGrams, onlineLevel,
                procedure.map(Procedures.Procedure::field).orElse(null), shipment.cashOnDelivery(), LocalDate.now(clock.withZone(CivilTime.VIETNAM))));
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
