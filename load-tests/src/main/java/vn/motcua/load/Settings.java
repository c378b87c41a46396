package vn.motcua.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a simulation is pointed at and how hard, from {@code -Dload.*} properties the launcher sets:
 * the base URL (gateway, service or nginx), the tokens it took from Keycloak, the rate and duration.
 */
final class Settings {
    private Settings() {
    }

    static String baseUrl() {
        return required("load.url");
    }

    static String citizenToken() {
        return required("load.citizen-token");
    }

    /** The province's portal (client credentials), submitting for its citizens. */
    static String portalToken() {
        return required("load.portal-token");
    }

    static String officerToken() {
        return required("load.officer-token");
    }

    /** Arrivals per second (open model). */
    static double rate() {
        return Double.parseDouble(System.getProperty("load.rate", "100"));
    }

    static Duration duration() {
        return Duration.ofSeconds(Long.getLong("load.seconds", 30));
    }

    /** The seed the peak hour's journeys are dealt with: the same seed, the same mix in the same order. */
    static long seed() {
        return Long.getLong("load.seed", 2026);
    }

    /** Virtual users each sending one request after another (closed model, the throughput ratios). */
    static int connections() {
        return Integer.getInteger("load.connections", 32);
    }

    static String procedure() {
        return System.getProperty("load.procedure", "2.000018");
    }

    static String agency() {
        return System.getProperty("load.agency", "000.10.20.30.H29");
    }

    /** The id number of the citizen whose token {@code load.citizen-token} is (citizen1 of the local realm). */
    static String citizenIdNumber() {
        return System.getProperty("load.citizen-id", "001090000001");
    }

    /** The office whose counters are booked, and the procedure a booking is for. */
    static String office() {
        return System.getProperty("load.office", "TT-HUYEN");
    }

    /** The office's counter that serves guidance visits, where walk-ins are called. */
    static String guidanceCounter() {
        return System.getProperty("load.guidance-counter", "Q4");
    }

    static String bookingProcedure() {
        return System.getProperty("load.booking-procedure", "2.000016");
    }

    /** Free places to book, "date@start" each, one entry per place ({@code load.slots}, found by the launcher). */
    static List<String> places() {
        List<String> places = Arrays.stream(System.getProperty("load.slots", "").split(",")).filter(p -> !p.isBlank()).toList();
        if (places.isEmpty()) {
            throw new IllegalArgumentException("Set -Dload.slots to free places, date@start,... (the launcher does)");
        }
        return places;
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Set -D" + name + " (the launcher does)");
        }
        return value;
    }
}
