package vn.motcua.appointment.queue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.motcua.appointment.capacity.Capacities;
import vn.motcua.appointment.offices.Office;

/**
 * Feeds the waiting-room screens. Each instance reads the office day from the database every
 * second for the screens connected to it, so a number called on any instance shows on every
 * screen; only numbers, counters and counts are sent, never names.
 */
@Component
class DisplayFeed {
    private static final int CALLS_SHOWN = 6;

    private final QueueDesk queue;
    private final TicketRepository tickets;
    private final Clock clock;
    /** A screen's stream ends after this and the browser opens a new one by itself (EventSource). */
    private final Duration streamLifetime;
    private final Map<String, Screens> screens = new ConcurrentHashMap<>();

    /** What the screen shows. */
    record Board(String officeId, String officeName, List<Call> calls, long waiting, long inRoom, long virtualQueue) {
    }

    record Call(String number, String counterId, String counterName, String status) {
    }

    private record Screens(Office office, List<SseEmitter> emitters, Board[] last) {
    }

    DisplayFeed(QueueDesk queue, TicketRepository tickets, Clock clock,
            @Value("${motcua.appointment.display-lifetime:PT30M}") Duration streamLifetime) {
        this.queue = queue;
        this.tickets = tickets;
        this.clock = clock;
        this.streamLifetime = streamLifetime;
    }

    SseEmitter connect(Office office) {
        SseEmitter emitter = new SseEmitter(streamLifetime.toMillis());
        Screens of = screens.computeIfAbsent(office.id(), id -> new Screens(office, new CopyOnWriteArrayList<>(), new Board[1]));
        of.emitters().add(emitter);
        emitter.onCompletion(() -> of.emitters().remove(emitter));
        // The lifetime's end is routine: the feed ends the stream itself, where Spring would raise a timeout that, on an
        // answer long since begun, only logs a warning for every screen every lifetime.
        emitter.onTimeout(() -> {
            of.emitters().remove(emitter);
            emitter.complete();
        });
        emitter.onError(e -> of.emitters().remove(emitter));
        send(emitter, board(office), of);
        return emitter;
    }

    Board board(Office office) {
        LocalDate today = LocalDate.now(clock.withZone(Capacities.ZONE));
        List<Call> calls = tickets.findTop6ByOfficeIdAndDateAndCalledAtNotNullOrderByCalledAtDesc(office.id(), today.toString())
                .stream().limit(CALLS_SHOWN)
                .map(t -> new Call(t.number(), t.counterId(),
                        office.counter(t.counterId()).map(Office.Counter::name).orElse(t.counterId()), t.status().name()))
                .toList();
        List<Ticket> open = queue.open(office, today);
        return new Board(office.id(), office.name(), calls,
                open.stream().filter(t -> t.status() == TicketStatus.WAITING).count(),
                open.stream().filter(t -> t.status() == TicketStatus.CALLED).count(),
                open.stream().filter(t -> t.status() == TicketStatus.VIRTUAL).count());
    }

    @Scheduled(fixedDelayString = "${motcua.appointment.display-refresh:PT1S}")
    void refresh() {
        screens.values().forEach(of -> {
            if (of.emitters().isEmpty()) {
                return;
            }
            Board now = board(of.office());
            if (!now.equals(of.last()[0])) {
                of.emitters().forEach(emitter -> send(emitter, now, of));
            }
        });
    }

    /**
     * Ends every stream as the service begins to stop (before the web server's graceful shutdown,
     * which would otherwise wait for the screens' open requests).
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        screens.values().forEach(of -> of.emitters().forEach(SseEmitter::complete));
        screens.clear();
    }

    /**
     * A comment on every stream, so that a quiet waiting room's screen is not cut off: the gateway gives up on a
     * service that sends nothing for its timeout (10 s), and at every 15 s each screen through it lost its stream
     * after 10 s of quiet and went blank until the browser reconnected.
     */
    @Scheduled(fixedDelayString = "${motcua.appointment.display-keep-alive:PT4S}")
    void keepAlive() {
        screens.values().forEach(of -> of.emitters().forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                of.emitters().remove(emitter);
            }
        }));
    }

    private void send(SseEmitter emitter, Board board, Screens of) {
        try {
            emitter.send(SseEmitter.event().name("board").data(board, MediaType.APPLICATION_JSON));
            of.last()[0] = board;
        } catch (IOException | IllegalStateException gone) {
            of.emitters().remove(emitter);
        }
    }
}
