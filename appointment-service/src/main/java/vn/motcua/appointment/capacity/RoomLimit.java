package vn.motcua.appointment.capacity;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cap set by a directive: at most {@code peopleInRoom} people in the one-stop room, officers
 * included, and {@code peopleWaiting} in the waiting area, from {@code validFrom} to
 * {@code validUntil} inclusive (open when null).
 *
 * @param officeId the office it applies to, or null for every office
 */
@Document(RoomLimits.COLLECTION)
public record RoomLimit(@Id String id, String officeId, int peopleInRoom, int peopleWaiting, LocalDate validFrom,
        LocalDate validUntil, String sourceDocument, LocalDate sourceDate, String publishedBy, Instant publishedAt) {

    boolean covers(String office, LocalDate day) {
        return (officeId == null || officeId.equals(office)) && !day.isBefore(validFrom)
                && (validUntil == null || !day.isAfter(validUntil));
    }
}
