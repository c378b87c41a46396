package vn.motcua.appointment.queue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface TicketRepository extends MongoRepository<Ticket, String> {
    List<Ticket> findByOfficeIdAndDateAndStatusInOrderByCheckedInAtAsc(String officeId, String date,
            Collection<TicketStatus> statuses);

    List<Ticket> findByOfficeIdAndDateBetween(String officeId, String from, String until);

    long countByOfficeIdAndDateAndStatus(String officeId, String date, TicketStatus status);

    Optional<Ticket> findByOfficeIdAndDateAndArrivalKey(String officeId, String date, String arrivalKey);

    List<Ticket> findByOfficeIdAndDateAndArrivalKeyIn(String officeId, String date, Collection<String> arrivalKeys);

    Optional<Ticket> findByOfficeIdAndDateAndNumber(String officeId, String date, String number);

    List<Ticket> findTop6ByOfficeIdAndDateAndCalledAtNotNullOrderByCalledAtDesc(String officeId, String date);
}
