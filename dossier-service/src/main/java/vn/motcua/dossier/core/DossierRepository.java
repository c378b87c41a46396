package vn.motcua.dossier.core;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface DossierRepository extends MongoRepository<Dossier, String> {
    Page<Dossier> findByOwnerCitizenId(String ownerCitizenId, Pageable pageable);
}
