package vn.motcua.payment.ordering;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface PaymentOrderRepository extends MongoRepository<PaymentOrder, String> {
    List<PaymentOrder> findByDossierCodeOrderByRequestedAt(String dossierCode);

    List<PaymentOrder> findByOwnerCitizenIdOrderByRequestedAtDesc(String ownerCitizenId, Pageable page);

    List<PaymentOrder> findByOwnerCitizenIdAndStatusInOrderByRequestedAtDesc(String ownerCitizenId, Collection<PaymentStatus> statuses,
            Pageable page);

    List<PaymentOrder> findByAgencyCodeOrderByRequestedAtDesc(String agencyCode, Pageable page);

    List<PaymentOrder> findByAgencyCodeAndStatusInOrderByRequestedAtDesc(String agencyCode, Collection<PaymentStatus> statuses, Pageable page);
}
