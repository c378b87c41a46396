package vn.motcua.notification.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.kit.time.CivilTime;

/**
 * Ops' view of deliveries: what failed and why, and what each channel cost on a day. Phone numbers
 * and addresses are masked; the attempts are not.
 */
@RestController
@RequestMapping("/api/v1/notifications/deliveries")
@PreAuthorize("hasRole('ops')")
class DeliveryLogController {
    private final MongoTemplate mongo;

    DeliveryLogController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record DeliveryLine(String notificationId, String recipientCitizenId, String template, Notification.Status status, String phone,
            Instant createdAt, List<Delivery> deliveries) {
    }

    record ChannelDay(long attempted, long delivered, long failed, long parts, long cost) {
        static final ChannelDay NONE = new ChannelDay(0, 0, 0, 0, 0);

        ChannelDay plus(Delivery d) {
            return new ChannelDay(attempted + (d.firstAttemptAt() == null ? 0 : 1),
                    delivered + (d.status() == Delivery.Status.DELIVERED || d.status() == Delivery.Status.SENT ? 1 : 0),
                    failed + (d.status() == Delivery.Status.FAILED ? 1 : 0), parts + (d.parts() == null ? 0 : d.parts()),
                    cost + (d.cost() == null || d.acceptedAt() == null ? 0 : d.cost()));
        }
    }

    record DaySummary(LocalDate day, Map<NotificationChannel, ChannelDay> channels, long totalCost) {
    }

    @Operation(summary = "Notifications of a day (Việt Nam time) by status, newest first, limit at a time (page 0 first):"
            + " each channel's attempts and failure reasons")
    @GetMapping
    List<DeliveryLine> deliveries(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) Notification.Status status, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page) {
        Criteria criteria = createdOn(day);
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        Query newestFirst = new Query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt", "_id")).skip((long) page * limit).limit(limit);
        return mongo.find(newestFirst, Notification.class).stream()
                .map(n -> new DeliveryLine(n.id(), n.recipientCitizenId(), n.template(), n.status(), masked(n.phone()), n.createdAt(),
                        n.deliveries()))
                .toList();
    }

    @Operation(summary = "Per channel on a day (Việt Nam time): messages attempted, delivered, failed, SMS parts and cost in đồng")
    @GetMapping("/summary")
    DaySummary summary(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        Map<NotificationChannel, ChannelDay> channels = new EnumMap<>(NotificationChannel.class);
        Query query = new Query(createdOn(day));
        query.fields().include("deliveries");
        // A cursor: a day of a province's messages is not held in memory at once.
        try (Stream<Notification> ofTheDay = mongo.stream(query, Notification.class)) {
            ofTheDay.forEach(n -> n.deliveries().forEach(
                    d -> channels.put(d.channel(), channels.getOrDefault(d.channel(), ChannelDay.NONE).plus(d))));
        }
        return new DaySummary(day, channels, channels.values().stream().mapToLong(ChannelDay::cost).sum());
    }

    private static Criteria createdOn(LocalDate day) {
        return where("createdAt").gte(day.atStartOfDay(CivilTime.VIETNAM).toInstant())
                .lt(day.plusDays(1).atStartOfDay(CivilTime.VIETNAM).toInstant());
    }

    private static String masked(String phone) {
        return phone == null || phone.length() < 6 ? phone : phone.substring(0, 4) + "****" + phone.substring(phone.length() - 2);
    }
}
