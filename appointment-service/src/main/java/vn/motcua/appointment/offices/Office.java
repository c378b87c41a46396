package vn.motcua.appointment.offices;

import java.util.List;
import java.util.Map;

/**
 * A one-stop counter office.
 *
 * @param waitingAreaLimit most people at once in the counter and waiting area, staff included
 * @param openingHours day ranges (MON-FRI, SAT) to time ranges (07:30-11:30)
 */
public record Office(String id, String agency, String name, int counters, int waitingAreaLimit,
        Map<String, List<String>> openingHours, int slotMinutes) {
}
