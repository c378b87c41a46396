package vn.motcua.notification.inbox;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
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

/** A citizen's inbox: newest first, paged, unread ones marked; and each message's history on every channel. */
@RestController
@RequestMapping("/api/v1/notifications")
class InboxController {
    private final NotificationRepository notifications;
    private final AggregateStore store;
    private final Clock clock;

    InboxController(NotificationRepository notifications, AggregateStore store, Clock clock) {
        this.notifications = notifications;
        this.store = store;
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

    @Operation(summary = "The calling citizen's notifications, newest first; page from 0; only unread ones with unread=true")
    @GetMapping
    @PreAuthorize("hasRole('citizen')")
    List<NotificationView> mine(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page, @RequestParam(defaultValue = "false") boolean unread,
            Caller caller) {
        if (caller.citizenId() == null) {
            return List.of();
        }
        PageRequest request = PageRequest.of(page, limit);
        return (unread ? notifications.findByRecipientCitizenIdAndReadAtIsNullOrderByCreatedAtDesc(caller.citizenId(), request)
                : notifications.findByRecipientCitizenIdOrderByCreatedAtDesc(caller.citizenId(), request))
                .stream().map(NotificationView::of).toList();
    }

    @Operation(summary = "One of the calling citizen's notifications with its attempts on every channel (when, outcome, reason)")
    @GetMapping("/{id}")
    @PreAuthorize("hasRole('citizen')")
    HistoryView history(@PathVariable String id, Caller caller) {
        Notification notification = own(id, caller);
        return new HistoryView(NotificationView.of(notification), notification.deliveries());
    }

    @Operation(summary = "Marks one of the calling citizen's notifications read (again: no change)")
    @PostMapping("/{id}/read")
    @PreAuthorize("hasRole('citizen')")
    ResponseEntity<Void> markRead(@PathVariable String id, Caller caller) {
        store.updateRetrying(() -> own(id, caller), n -> n.markRead(clock.instant()));
        return ResponseEntity.noContent().build();
    }

    /** Another citizen's notification is answered as missing: its existence is not theirs to learn. */
    private Notification own(String id, Caller caller) {
        return notifications.findById(id).filter(n -> caller.citizenId() != null && caller.citizenId().equals(n.recipientCitizenId()))
                .orElseThrow(() -> ApiProblem.notFound("Notification", id));
    }
}
