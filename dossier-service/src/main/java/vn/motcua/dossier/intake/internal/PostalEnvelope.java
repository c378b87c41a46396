package vn.motcua.dossier.intake.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.events.Event;
import vn.motcua.events.dossier.PaperDossierHandedBack;
import vn.motcua.events.dossier.PaperDossierTransferred;
import vn.motcua.events.dossier.PaperDossierTurnedAway;
import vn.motcua.events.postal.PaperDossierArrived;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;

/**
 * A paper dossier the post collected and delivered to an agency's desk, by its item id: registered once as one dossier, or
 * turned away once with the officer's reason (ADR 0088), never both; a turned-away one's papers are handed back once
 * (ADR 0091). Until then it waits at the agency it was addressed to,
 * or at that agency's successor once it is dissolved (ADR 0089). Documents stored before it was an aggregate have no
 * version; the store writes them as version 0.
 */
@Document(PostalArrivals.COLLECTION)
@CompoundIndex(name = "awaiting_registration", def = "{'agencyCode': 1, 'dossierCode': 1, 'arrivedAt': 1}")
class PostalEnvelope extends Aggregate {
    @Id
    private final String itemId;
    private final String shipmentId;
    private String agencyCode;
    private final String procedureCode;
    private final String ownerCitizenId;
    private final String senderName;
    private final Instant arrivedAt;
    private String dossierCode;
    private PostalArrivals.TurnedAway turnedAway;
    private PostalArrivals.HandedBack handedBack;

    @PersistenceCreator
    PostalEnvelope(String itemId, String shipmentId, String agencyCode, String procedureCode, String ownerCitizenId, String senderName,
            Instant arrivedAt, String dossierCode, PostalArrivals.TurnedAway turnedAway, PostalArrivals.HandedBack handedBack) {
        this.itemId = itemId;
        this.shipmentId = shipmentId;
        this.agencyCode = agencyCode;
        this.procedureCode = procedureCode;
        this.ownerCitizenId = ownerCitizenId;
        this.senderName = senderName;
        this.arrivedAt = arrivedAt;
        this.dossierCode = dossierCode;
        this.turnedAway = turnedAway;
        this.handedBack = handedBack;
    }

    static PostalEnvelope arrived(PaperDossierArrived arrival) {
        return new PostalEnvelope(arrival.itemId(), arrival.shipmentId(), arrival.agencyCode(), arrival.procedureCode(),
                arrival.ownerCitizenId(), arrival.senderName(), arrival.arrivedAt(), null, null, null);
    }

    @Override
    public String id() {
        return itemId;
    }

    String agencyCode() {
        return agencyCode;
    }

    String ownerCitizenId() {
        return ownerCitizenId;
    }

    /** Reserved for the dossier about to be registered under that code: once, and never once turned away. */
    List<Event> registerAs(String code) {
        if (dossierCode != null) {
            throw registeredAlready();
        }
        if (turnedAway != null) {
            throw ApiProblem.conflict("postal-item-turned-away", "The paper dossier that arrived under " + itemId
                    + " was turned away: " + turnedAway.reason()).with("turnedAwayAt", turnedAway.at().toString());
        }
        dossierCode = code;
        return List.of();
    }

    /** The registration under that code failed after the reservation: the envelope can be registered again. */
    List<Event> release(String code) {
        if (code == null || !code.equals(dossierCode)) {
            return AggregateStore.UNCHANGED;
        }
        dossierCode = null;
        return List.of();
    }

    /** It cannot be registered, for the officer's reason: once; asked again, unchanged. A registered one is not turned away. */
    List<Event> turnAway(String reason, String officer, Instant now) {
        if (turnedAway != null) {
            return AggregateStore.UNCHANGED;
        }
        if (dossierCode != null) {
            throw registeredAlready();
        }
        turnedAway = new PostalArrivals.TurnedAway(reason, officer, now);
        return List.of(new PaperDossierTurnedAway(shipmentId, itemId, agencyCode, procedureCode, ownerCitizenId, reason, officer, now));
    }

    /**
     * Its papers leave the counter, handed to the person who came for them (ADR 0091): only once it was turned away, since
     * until then they are the dossier the desk takes in; once, and asked again, unchanged.
     */
    List<Event> handBack(String collectedBy, String idNumber, String officer, Instant now) {
        if (handedBack != null) {
            return AggregateStore.UNCHANGED;
        }
        if (dossierCode != null) {
            throw registeredAlready();
        }
        if (turnedAway == null) {
            throw ApiProblem.conflict("postal-item-not-turned-away", "The paper dossier that arrived under " + itemId
                    + " waits to be registered; its papers are handed back only once it is turned away");
        }
        handedBack = new PostalArrivals.HandedBack(collectedBy, idNumber, officer, now);
        return List.of(new PaperDossierHandedBack(shipmentId, itemId, agencyCode, ownerCitizenId, collectedBy, officer, now));
    }

    /**
     * The agency holding it was dissolved: it waits at the successor from now on. One registered or turned away has left the
     * desk and stays where it was decided, as a closed dossier does; one at the successor already is unchanged.
     */
    List<Event> passTo(String successorCode, String successorName, Instant now) {
        if (dossierCode != null || turnedAway != null || agencyCode.equals(successorCode)) {
            return AggregateStore.UNCHANGED;
        }
        String from = agencyCode;
        agencyCode = successorCode;
        return List.of(new PaperDossierTransferred(shipmentId, itemId, from, successorCode, successorName, procedureCode,
                ownerCitizenId, now));
    }

    private ApiProblem registeredAlready() {
        return ApiProblem.conflict("postal-item-registered", "The dossier that arrived under " + itemId + " is registered already as "
                + dossierCode).with("dossierCode", dossierCode);
    }

    PostalArrivals.Arrival view() {
        return new PostalArrivals.Arrival(itemId, shipmentId, agencyCode, procedureCode, ownerCitizenId, senderName, arrivedAt,
                dossierCode, turnedAway, handedBack);
    }
}
