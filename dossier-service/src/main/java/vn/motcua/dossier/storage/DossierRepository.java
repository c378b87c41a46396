package vn.motcua.dossier.storage;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import vn.motcua.dossier.core.Dossier;

public interface DossierRepository extends MongoRepository<Dossier, String> {
    /** What a representative (a portal) submitted for citizens. */
    Page<Dossier> findBySubmittedBy(String submittedBy, Pageable page);

    Page<Dossier> findByOwnerCitizenId(String ownerCitizenId, Pageable pageable);

    /** The dossier created under an Idempotency-Key claim (see {@link Dossier#createdUnder}). */
    Optional<Dossier> findByCreatedUnder(String claimId);
}
