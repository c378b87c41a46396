package vn.motcua.postal.shipments;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Lists are read a page at a time, newest first, the status filtered in the query (see the indexes on {@link Shipment}). */
public interface ShipmentRepository extends MongoRepository<Shipment, String> {
    List<Shipment> findByOwnerCitizenIdOrderByCreatedAtDesc(String ownerCitizenId, Pageable page);

    List<Shipment> findByOwnerCitizenIdAndStatusOrderByCreatedAtDesc(String ownerCitizenId, Shipment.Status status, Pageable page);

    List<Shipment> findByOperatorOrderByCreatedAtDesc(String operator, Pageable page);

    List<Shipment> findByOperatorAndStatusOrderByCreatedAtDesc(String operator, Shipment.Status status, Pageable page);

    List<Shipment> findByOriginAgencyCodeOrderByCreatedAtDesc(String agencyCode, Pageable page);

    List<Shipment> findByOriginAgencyCodeAndStatusOrderByCreatedAtDesc(String agencyCode, Shipment.Status status, Pageable page);

    /** A dossier's shipment of a kind of which it has one at most (the pick-up its paper dossier came in). */
    Optional<Shipment> findFirstByDossierCodeAndKind(String dossierCode, Shipment.Kind kind);

    /** The pick-up created under an Idempotency-Key claim (see {@link Shipment#createdUnder}). */
    Optional<Shipment> findByCreatedUnder(String claimId);
}
