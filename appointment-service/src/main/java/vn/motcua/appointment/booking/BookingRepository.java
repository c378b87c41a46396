package vn.motcua.appointment.booking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface BookingRepository extends MongoRepository<Booking, String> {
    List<Booking> findByOfficeIdAndDateOrderByStartAscBookedAtAsc(String officeId, String date);

    Optional<Booking> findByCreatedUnder(String claimId);

    long countByOfficeIdAndDateAndStartAndStatus(String officeId, String date, String start, BookingStatus status);

    List<Booking> findByStatusAndStartsAtBefore(BookingStatus status, Instant before);

    List<Booking> findByCitizenIdAndStatusOrderByStartsAtAsc(String citizenId, BookingStatus status);

    List<Booking> findByCitizenIdAndProcedureCodeAndAgencyCodeAndDate(String citizenId, String procedureCode,
            String agencyCode, String date);

    List<Booking> findByDossierCode(String dossierCode);

    List<Booking> findByOfficeIdAndDateBetween(String officeId, String from, String until);
}
