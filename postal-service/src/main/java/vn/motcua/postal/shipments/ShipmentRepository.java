package vn.motcua.postal.shipments;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ShipmentRepository extends MongoRepository<Shipment, String> {
    List<Shipment> findByOwnerCitizenIdOrderByCreatedAtDesc(String ownerCitizenId);

    List<Shipment> findByOperatorOrderByCreatedAtDesc(String operator);

    List<Shipment> findByOriginAgencyCodeOrderByCreatedAtDesc(String agencyCode);

    /** The pick-up created under an Idempotency-Key claim (see {@link Shipment#createdUnder}). */
    Optional<Shipment> findByCreatedUnder(String claimId);
}
