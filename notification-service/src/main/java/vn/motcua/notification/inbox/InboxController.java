package vn.motcua.notification.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;

/**
 * A recipient's inbox — a citizen's, or a member of staff's (their warnings) — newest first, paged,
 * unread ones marked; and each message's history on every channel. Nobody reads another's.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class InboxController {
    private static final String READERS = "hasAnyRole('citizen', 'officer', 'specialist', 'leader')";
    private final NotificationRepository notifications;
    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final Clock clock;

    InboxController(NotificationRepository notifications, AggregateStore store, MongoTemplate mongo, Clock clock) {
        this.notifications = notifications;
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
    }

    record NotificationView(String id, String dossierCode, String template, String title, String body, Instant createdAt, boolean read,
            String status) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.dossierCode(), n.template(), n.title(), n.body(), n.createdAt(), n.readAt() != null,
                    n.status().name());
        }
    }

    record HistoryView(NotificationView notification, List<Delivery> deliveries) {
    }

    @Operation(summary = "The caller's notifications (a citizen's, or an officer's warnings), newest first; page from 0;"
            + " only unread ones with unread=true")
    @GetMapping
    @PreAuthorize(READERS)
    List<NotificationView> mine(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page, @RequestParam(defaultValue = "false") boolean unread,
            Caller caller) {
        String recipient = recipientId(caller);
        if (recipient == null) {
            return List.of();
        }
        PageRequest request = PageRequest.of(page, limit);
        return (unread ? notifications.findByRecipientCitizenIdAndReadAtIsNullOrderByCreatedAtDesc(recipient, request)
                : notifications.findByRecipientCitizenIdOrderByCreatedAtDesc(recipient, request))
                .stream().map(NotificationView::of).toList();
    }

    record UnreadCount(long unread) {
    }

    /** A portal's badge: the list pages, so its length is not the count. */
    @Operation(summary = "How many of the caller's notifications are unread")
    @GetMapping("/unread-count")
    @PreAuthorize(READERS)
    UnreadCount unreadCount(Caller caller) {
        String recipient = recipientId(caller);
        return new UnreadCount(recipient == null ? 0 : notifications.countByRecipientCitizenIdAndReadAtIsNull(recipient));
    }

    @Operation(summary = "One of the caller's notifications with its attempts on every channel (when, outcome, reason)")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    HistoryView history(@PathVariable String id, Caller caller) {
        Notification notification = own(id, caller);
        return new HistoryView(NotificationView.of(notification), notification.deliveries());
    }

    @Operation(summary = "Marks one of the caller's notifications read (again: no change)")
    @ApiResponse(responseCode = "204", description = "Marked read")
    @PostMapping("/{id}/read")
    @PreAuthorize(READERS)
    ResponseEntity<Void> markRead(@PathVariable String id, Caller caller) {
        store.updateRetrying(() -> own(id, caller), n -> n.markRead(clock.instant()));
        return ResponseEntity.noContent().build();
    }

    record Marked(long marked) {
    }

    /**
     * One write for the whole inbox. The version moves as one notification's {@code markRead} moves it, so a sender's
     * version-guarded write that read a notification unread fails and reads it again rather than putting it back unread.
     */
    @Operation(summary = "Marks every unread notification of the caller read; answers how many were unread (again: 0)")
    @PostMapping("/read-all")
    @PreAuthorize(READERS)
    Marked markAllRead(Caller caller) {
        String recipient = recipientId(caller);
        if (recipient == null) {
            return new Marked(0);
        }
        return new Marked(mongo.updateMulti(new Query(where("recipientCitizenId").is(recipient).and("readAt").is(null)),
                new Update().set("readAt", clock.instant()).inc("version", 1), Notification.class).getModifiedCount());
    }

    /** Another's notification is answered as missing: its existence is not theirs to learn. */
    private Notification own(String id, Caller caller) {
        String recipient = recipientId(caller);
        return notifications.findById(id).filter(n -> recipient != null && recipient.equals(n.recipientCitizenId()))
                .orElseThrow(() -> ApiProblem.notFound("Notification", id));
    }

    /** A citizen's inbox is keyed by their citizen id, a member of staff's by their username (apart: "staff:…"). */
    private static String recipientId(Caller caller) {
        if (caller.has(Role.CITIZEN)) {
            return caller.citizenId();
        }
        return caller.username() == null ? null : Notification.staffRecipient(caller.username());
    }
}
