package vn.motcua.notification.inbox;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface NotificationRepository extends MongoRepository<Notification, String> {
    List<Notification> findByRecipientCitizenIdOrderByCreatedAtDesc(String recipientCitizenId, Pageable page);

    List<Notification> findByRecipientCitizenIdAndReadAtIsNullOrderByCreatedAtDesc(String recipientCitizenId, Pageable page);

    long countByRecipientCitizenIdAndReadAtIsNull(String recipientCitizenId);

    List<Notification> findByRecipientCitizenIdAndStatus(String recipientCitizenId, Notification.Status status);
}
