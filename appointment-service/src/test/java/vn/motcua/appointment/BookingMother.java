package vn.motcua.appointment;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Request bodies and holders for booking tests. */
public final class BookingMother {
    private BookingMother() {
    }

    /** A citizen id no other test uses. */
    public static String newCitizenId() {
        return "0019" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A mobile number no other test uses. */
    public static String newPhone() {
        return "091" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    public static String handIn(String office, LocalDate day, String start, String procedure) {
        return """
                {"officeId": "%s", "date": "%s", "start": "%s", "purpose": "HAND_IN", "procedureCode": "%s"}"""
                .formatted(office, day, start, procedure);
    }

    public static String handInFor(String office, LocalDate day, String start, String procedure, String citizenId,
            String phone) {
        return """
                {"officeId": "%s", "date": "%s", "start": "%s", "purpose": "HAND_IN", "procedureCode": "%s",
                 "citizenId": %s, "phone": %s}"""
                .formatted(office, day, start, procedure, quoted(citizenId), quoted(phone));
    }

    public static String roster(String... officerAtCounter) {
        StringBuilder entries = new StringBuilder();
        for (String entry : officerAtCounter) {
            String[] parts = entry.split("@");
            entries.append(entries.isEmpty() ? "" : ",").append("{\"officer\": \"").append(parts[0]).append("\", \"counterId\": ")
                    .append(parts.length > 1 ? "\"" + parts[1] + "\"" : "null").append("}");
        }
        return "{\"onDuty\": [" + entries + "]}";
    }

    public static String roomLimit(String office, int peopleInRoom, int peopleWaiting, LocalDate from, LocalDate until) {
        return """
                {"officeId": "%s", "peopleInRoom": %d, "peopleWaiting": %d, "validFrom": "%s", "validUntil": "%s",
                 "sourceDocument": "Chỉ thị thử nghiệm", "sourceDate": "2020-03-31"}"""
                .formatted(office, peopleInRoom, peopleWaiting, from, until);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
