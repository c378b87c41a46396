package vn.motcua.dossier.storage;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import vn.motcua.dossier.core.Dossier;

public interface DossierRepository extends MongoRepository<Dossier, String> {
    Page<Dossier> findByOwnerCitizenId(String ownerCitizenId, Pageable pageable);
}
