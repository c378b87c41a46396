package vn.motcua.appointment.offices;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A one-stop office: its counters, opening hours and the physical size of its rooms. How many
 * people may be in them at once is the lower of that size and the room limit in force
 * ({@code capacity.RoomLimits}); how many may book a slot follows from the roster of the day.
 *
 * @param openingHours "MON-FRI" and optionally "SAT" to time ranges ("07:30-11:30"); a Saturday
 *     worked in exchange for a bridge day keeps weekday hours
 * @param roomCapacity people the one-stop room holds, officers included
 * @param waitingAreaCapacity seats of the waiting area
 * @param noShowGraceMinutes how long a called number or a booked slot waits before a no-show is recorded
 */
public record Office(String id, String agency, String name, int slotMinutes, Map<String, List<String>> openingHours,
        int roomCapacity, int waitingAreaCapacity, int noShowGraceMinutes, List<Counter> counters) {

    public Office {
        counters = List.copyOf(counters);
        openingHours = Map.copyOf(openingHours);
    }

    /**
     * A counter and what it serves: the listed procedures and every procedure of the listed fields
     * (everything when it lists neither), and how many citizens it takes in one slot.
     *
     * @param ticketPrefix the letter of the queue numbers it calls ("A" for A012): counters sharing a letter share a queue
     */
    public record Counter(String id, String name, String ticketPrefix, List<String> fields, List<String> procedures,
            int citizensPerSlot) {
        public Counter {
            fields = fields == null ? List.of() : List.copyOf(fields);
            procedures = procedures == null ? List.of() : List.copyOf(procedures);
        }

        public boolean servesEverything() {
            return fields.isEmpty() && procedures.isEmpty();
        }

        public boolean serves(String procedureCode, String field) {
            return servesEverything() || (procedureCode != null && procedures.contains(procedureCode))
                    || (field != null && fields.contains(field));
        }
    }

    /** One slot of a day: a wave of citizens let in together. */
    public record Slot(LocalTime start, LocalTime end) {
    }

    public Optional<Counter> counter(String counterId) {
        return counters.stream().filter(c -> c.id().equals(counterId)).findFirst();
    }

    /** The first counter serving a procedure, most specific first: one that lists it or its field before a catch-all one. */
    public Optional<Counter> counterFor(String procedureCode, String field) {
        return counters.stream().filter(c -> !c.servesEverything() && c.serves(procedureCode, field)).findFirst()
                .or(() -> counters.stream().filter(Counter::servesEverything).findFirst());
    }

    /** The slots of a day the office works, by its hours; {@code weekendWorked} is a Saturday or Sunday worked in exchange. */
    public List<Slot> slotsOn(LocalDate day, boolean weekendWorked) {
        List<String> ranges = hoursOn(day.getDayOfWeek(), weekendWorked);
        List<Slot> slots = new ArrayList<>();
        for (String range : ranges) {
            String[] bounds = range.split("-");
            LocalTime opens = LocalTime.parse(bounds[0].trim());
            LocalTime closes = LocalTime.parse(bounds[1].trim());
            for (LocalTime start = opens; !start.plusMinutes(slotMinutes).isAfter(closes); start = start.plusMinutes(slotMinutes)) {
                slots.add(new Slot(start, start.plusMinutes(slotMinutes)));
            }
        }
        return slots;
    }

    private List<String> hoursOn(DayOfWeek day, boolean weekendWorked) {
        if (weekendWorked) {
            return openingHours.getOrDefault("MON-FRI", List.of());
        }
        return switch (day) {
            case SATURDAY -> openingHours.getOrDefault("SAT", List.of());
            case SUNDAY -> openingHours.getOrDefault("SUN", List.of());
            default -> openingHours.getOrDefault("MON-FRI", List.of());
        };
    }
}
