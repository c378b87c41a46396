package vn.motcua.postal.remittances;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface RemittanceRepository extends MongoRepository<Remittance, String> {
    List<Remittance> findByItemsShipmentIdIn(Collection<String> shipmentIds);

    List<Remittance> findByOperatorOrderByReceivedAtDesc(String operator, Pageable page);
}
