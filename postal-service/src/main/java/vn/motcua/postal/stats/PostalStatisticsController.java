package vn.motcua.postal.stats;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.kit.web.Periods;
import vn.motcua.postal.remittances.Remittance;
import vn.motcua.postal.remittances.RemittanceRepository;
import vn.motcua.postal.shipments.Shipment;

@RestController
class PostalStatisticsController {
    private final MongoTemplate mongo;
    private final RemittanceRepository remittances;

    PostalStatisticsController(MongoTemplate mongo, RemittanceRepository remittances) {
        this.mongo = mongo;
        this.remittances = remittances;
    }

    @Operation(summary = "The post's figures over a period (Hà Nội dates, at most a year): results returned by post (the"
            + " national indicator), dossiers collected, originals sent back when their dossier closed, discounts granted per rule,"
            + " cash collected vs remitted. Ops: all"
            + " agencies or one (agencyCode); a leader: own agency only")
    @GetMapping("/api/v1/shipments/statistics")
    @PreAuthorize("hasAnyRole('ops', 'leader')")
    PostalStatistics statistics(@RequestParam LocalDate from, @RequestParam LocalDate to,
            @RequestParam(required = false) String agencyCode, Caller caller) {
        Periods.check(from, to);
        String agency = agencyCode;
        if (!caller.has(Role.OPS)) {
            if (agencyCode != null && !caller.worksFor(agencyCode)) {
                throw ApiProblem.forbidden("A leader sees the figures of their own agency only");
            }
            agency = caller.agency();
        }
        Criteria period = Criteria.where("createdAt").gte(from.atStartOfDay(CivilTime.VIETNAM).toInstant())
                .lt(to.plusDays(1).atStartOfDay(CivilTime.VIETNAM).toInstant());
        if (agency != null) {
            period = period.and("origin.agencyCode").is(agency);
        }
        // Read as a cursor, one shipment at a time: a year of a province's shipments, with their
        // tracking histories, was read into one list before a figure was counted.
        try (Stream<Shipment> shipments = mongo.stream(new Query(period), Shipment.class)) {
            return figures(shipments.iterator(), from, to, agency);
        }
    }

    private PostalStatistics figures(Iterator<Shipment> shipments, LocalDate from, LocalDate to, String agency) {
        long planned = 0;
        long handed = 0;
        long delivered = 0;
        long byHand = 0;
        long returned = 0;
        long pickups = 0;
        long arrived = 0;
        long cancelled = 0;
        long notCollected = 0;
        long collected = 0;
        long sentBack = 0;
        long sentBackHandedOver = 0;
        long dossiersBack = 0;
        long dossiersBackHandedOver = 0;
        List<PostalStatistics.DiscountGranted> discounts = new ArrayList<>();
        Map<String, Long> collectedByShipment = new HashMap<>();
        while (shipments.hasNext()) {
            Shipment s = shipments.next();
            boolean result = s.kind() == Shipment.Kind.RESULT_DELIVERY;
            boolean done = s.status() == Shipment.Status.DELIVERED;
            if (s.kind() == Shipment.Kind.ORIGINALS_RETURN) {
                sentBack++;
                sentBackHandedOver += done ? 1 : 0;
            } else if (s.kind() == Shipment.Kind.DOSSIER_RETURN) {
                dossiersBack++;
                dossiersBackHandedOver += done ? 1 : 0;
            } else if (result) {
                planned++;
                handed += s.itemId() != null ? 1 : 0;
                delivered += done ? 1 : 0;
                byHand += done && s.deliveredByHand() ? 1 : 0;
                returned += s.status() == Shipment.Status.RETURNED_TO_SENDER ? 1 : 0;
            } else {
                pickups++;
                arrived += done ? 1 : 0;
                notCollected += s.collectionGivenUp() ? 1 : 0;
                cancelled += s.status() == Shipment.Status.CANCELLED && !s.collectionGivenUp() ? 1 : 0;
            }
            if (s.price() != null && s.price().discount() != null) {
                discounts.add(new PostalStatistics.DiscountGranted(s.price().discount().ruleId(), s.price().discount().source(), 1,
                        s.price().discount().amount()));
            }
            if (s.collectedAmount() != null) {
                collected += s.collectedAmount();
                collectedByShipment.put(s.id(), s.collectedAmount());
            }
        }
        long remitted = 0;
        for (Remittance batch : remittances.findByItemsShipmentIdIn(collectedByShipment.keySet())) {
            remitted += batch.items().stream().filter(i -> collectedByShipment.containsKey(i.shipmentId()))
                    .mapToLong(Remittance.Item::amount).sum();
        }
        return new PostalStatistics(from, to, agency, new PostalStatistics.Results(planned, handed, delivered, byHand, returned),
                new PostalStatistics.Collected(pickups, arrived, cancelled, notCollected), new PostalStatistics.SentBack(sentBack, sentBackHandedOver),
                new PostalStatistics.SentBack(dossiersBack, dossiersBackHandedOver),
                PostalStatistics.byRule(discounts),
                new PostalStatistics.Cash(collected, remitted, collected - remitted));
    }
}
