package vn.motcua.notification.inbox;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.security.Caller;

@RestController
@RequestMapping("/api/v1/notifications")
class InboxController {
    private final NotificationRepository notifications;

    InboxController(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    record NotificationView(String id, String dossierCode, String template, String title, String body,
            Instant createdAt, String emailStatus) {
    }

    @Operation(summary = "The calling citizen's in-app notifications, newest first")
    @GetMapping
    @PreAuthorize("hasRole('citizen')")
    List<NotificationView> mine(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit, Caller caller) {
        if (caller.citizenId() == null) {
            return List.of();
        }
        return notifications.findByRecipientCitizenIdOrderByCreatedAtDesc(caller.citizenId(), PageRequest.of(0, limit))
                .stream()
                .map(n -> new NotificationView(n.id(), n.dossierCode(), n.template(), n.title(), n.body(),
                        n.createdAt(), n.emailStatus().name()))
                .toList();
    }
}
