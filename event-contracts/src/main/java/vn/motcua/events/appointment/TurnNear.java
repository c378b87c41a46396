package vn.motcua.events.appointment;

import java.time.Instant;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * A visitor is close to being called: {@code peopleBefore} numbers ahead of them (3 or fewer),
 * or, for one waiting in the virtual queue, a seat in the waiting area is now theirs
 * ({@code admittedFromVirtualQueue}). Raised once per ticket and reason.
 */
@EventContract(type = "TurnNear", version = 1, topic = Topics.APPOINTMENT)
public record TurnNear(
        String ticketId,
        String officeId,
        String ticketNumber,
        int peopleBefore,
        boolean admittedFromVirtualQueue,
        String citizenId,
        String phone,
        Instant at) implements Event {

    @Override
    public String subject() {
        return ticketId;
    }
}
