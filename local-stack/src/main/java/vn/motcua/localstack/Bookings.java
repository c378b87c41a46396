package vn.motcua.localstack;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The load benchmark's booking scenario (d): the same number of requests at once, first spread over
 * free places (uncontended), then all on one slot of a later day; the second must confirm exactly
 * that slot's places, and its rate is compared with the first.
 */
final class Bookings {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Runs a booking simulation on the given "date@start" places and answers its figures. */
    interface Run {
        GatlingRun.Figures book(List<String> places, String label) throws Exception;
    }

    private final GatewayClient client;
    private final String token;
    private final int requests;

    Bookings(StackConfig config, int requests) {
        this.client = new GatewayClient(config);
        this.token = client.userToken("citizen1");
        this.requests = requests;
    }

    void run(Run simulation) throws Exception {
        List<LocalDate> days = new ArrayList<>(weekdays());
        // The last working day with a free place is kept for the contention; the others serve the uncontended run.
        LocalDate contendedDay = null;
        for (LocalDate day : days.reversed()) {
            JsonNode slots = slots(day);
            if (!slots.isEmpty() && slots.get(0).get("free").asInt() > 0) {
                contendedDay = day;
                break;
            }
        }
        if (contendedDay == null) {
            throw new IllegalStateException("No open day within the booking horizon");
        }
        days.remove(contendedDay);
        List<String> places = freePlaces(days, requests);
        if (places.size() < requests) {
            throw new IllegalStateException("Only " + places.size() + " free places within the booking horizon");
        }
        GatlingRun.Figures uncontended = simulation.book(places, "uncontended");

        // Requests the burst timed out opened the gateway's breaker to the appointment service: the
        // contended run must meet the service, not an open breaker (10 s open, then ten trial calls).
        Thread.sleep(11_000);
        for (int i = 0; i < 12; i++) {
            slots(contendedDay);
        }
        JsonNode slot = slots(contendedDay).get(0);
        String start = slot.get("start").asString();
        int free = slot.get("free").asInt();
        GatlingRun.Figures contended = simulation.book(List.of(contendedDay + "@" + start), "one slot");
        JsonNode after = slots(contendedDay).get(0);
        System.out.printf("   one slot of %d free places (%s %s): %d confirmed, %d refused, the slot shows %d booked;"
                        + " contended/uncontended rate %.2f (target >= 0.5)%n", free, contendedDay, start, contended.ok(),
                contended.ko(), after.get("booked").asInt(), contended.perSecond() / uncontended.perSecond());
    }

    /** Up to as many free places as the requests within the booking horizon, "date@start" once per place, in random order. */
    List<String> freePlaces() throws InterruptedException {
        return freePlaces(weekdays(), requests);
    }

    private List<String> freePlaces(List<LocalDate> days, int wanted) throws InterruptedException {
        List<String> places = new ArrayList<>();
        for (LocalDate day : days) {
            for (JsonNode slot : slots(day)) {
                for (int place = 0; place < slot.get("free").asInt(); place++) {
                    places.add(day + "@" + slot.get("start").asString());
                }
            }
            if (places.size() >= wanted) {
                break;
            }
        }
        Collections.shuffle(places);
        return places.subList(0, Math.min(wanted, places.size()));
    }

    private JsonNode slots(LocalDate day) throws InterruptedException {
        GatewayClient.Response response = client.get("/api/v1/offices/" + Demo.OFFICE + "/slots?date=" + day, token);
        // After a burst the gateway's breaker may be open for a few seconds (503 with Retry-After): wait it out.
        for (int i = 0; i < 30 && response.status() == 503; i++) {
            Thread.sleep(1_000);
            response = client.get("/api/v1/offices/" + Demo.OFFICE + "/slots?date=" + day, token);
        }
        if (response.status() != 200) {
            throw new IllegalStateException("Slots of " + day + ": " + response.status() + " " + response.body());
        }
        return response.json().get("slots");
    }

    /** Working days from two days ahead to the end of the booking horizon (30 days). */
    private static List<LocalDate> weekdays() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = LocalDate.now(HANOI).plusDays(2); day.isBefore(LocalDate.now(HANOI).plusDays(29)); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }
}
