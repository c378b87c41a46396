package vn.motcua.payment.ordering;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface PaymentOrderRepository extends MongoRepository<PaymentOrder, String> {
    List<PaymentOrder> findByDossierCodeAndOwnerCitizenIdOrderByRequestedAt(String dossierCode, String ownerCitizenId);
}
