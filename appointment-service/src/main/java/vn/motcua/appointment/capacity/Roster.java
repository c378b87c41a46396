package vn.motcua.appointment.capacity;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The officers on duty at an office on one day, set by its leader. An officer with a counter
 * opens it; one without (e.g. guiding people in the room) still counts among the people in the room.
 */
@Document(Rosters.COLLECTION)
public record Roster(@Id String id, String officeId, String date, List<OnDuty> onDuty, String setBy, Instant setAt) {

    public Roster {
        onDuty = List.copyOf(onDuty);
    }

    /** @param counterId the counter the officer opens, or null */
    public record OnDuty(String officer, String counterId) {
    }
}
