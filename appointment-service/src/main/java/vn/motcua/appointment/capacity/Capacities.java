package vn.motcua.appointment.capacity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.motcua.appointment.offices.Office;
import vn.motcua.kit.time.CivilTime;

/**
 * Derives what an office can take on a day, never typed in: counters open (each needs an officer
 * on duty) × citizens a counter serves in a slot, and never more than the room's cap minus the
 * officers on duty, because the directive counts the officers among the people in the room.
 */
@Component
public class Capacities {
    /** Offices work on Hà Nội time; every local date and time of this service is in it. */
    public static final ZoneId ZONE = CivilTime.VIETNAM;

    private final Rosters rosters;
    private final RoomLimits limits;

    Capacities(Rosters rosters, RoomLimits limits) {
        this.rosters = rosters;
        this.limits = limits;
    }

    /**
     * @param peopleInRoom the room's cap in force, officers included
     * @param citizensInRoom the most citizens in the room at once: peopleInRoom − officersOnDuty
     * @param placesPerSlot citizens that may book one slot
     * @param limitSource the document the caps come from, or null for the office's own room sizes
     */
    public record Capacity(int officersOnDuty, List<String> countersOpen, int peopleInRoom, int citizensInRoom,
            int waitingArea, int placesPerSlot, String limitSource) {
    }

    public Capacity of(Office office, LocalDate day) {
        List<Roster.OnDuty> onDuty = rosters.of(office.id(), day).map(Roster::onDuty)
                .orElseGet(() -> office.counters().stream().map(c -> new Roster.OnDuty(null, c.id())).toList());
        List<String> open = onDuty.stream().map(Roster.OnDuty::counterId).filter(id -> id != null).distinct().toList();
        int servedPerSlot = open.stream().map(office::counter).flatMap(Optional::stream)
                .mapToInt(Office.Counter::citizensPerSlot).sum();
        Optional<RoomLimit> limit = limits.inForce(office.id(), day);
        int peopleInRoom = limit.map(l -> Math.min(l.peopleInRoom(), office.roomCapacity())).orElse(office.roomCapacity());
        int waitingArea = limit.map(l -> Math.min(l.peopleWaiting(), office.waitingAreaCapacity()))
                .orElse(office.waitingAreaCapacity());
        int citizensInRoom = Math.max(0, peopleInRoom - onDuty.size());
        return new Capacity(onDuty.size(), open, peopleInRoom, citizensInRoom, waitingArea,
                Math.min(servedPerSlot, citizensInRoom), limit.map(RoomLimit::sourceDocument).orElse(null));
    }
}
