package vn.motcua.notification.recipients;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.web.MailboxAddress;

/**
 * A citizen's own notification preferences: channels in order, opt-outs, addresses. Only the
 * citizen reads or changes them (there is no citizen id in the path to try another's).
 */
@RestController
@RequestMapping("/api/v1/notifications/preferences")
@PreAuthorize("hasRole('citizen')")
class PreferencesController {
    private static final Set<NotificationChannel> CHOOSABLE = Set.of(NotificationChannel.ZALO, NotificationChannel.SMS,
            NotificationChannel.EMAIL);

    private final MongoTemplate mongo;
    private final Recipients recipients;
    private final Set<String> optional;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PreferencesController(MongoTemplate mongo, Recipients recipients, @Value("${motcua.notification.policy.optional}") Set<String> optional,
            Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.recipients = recipients;
        this.optional = optional;
        this.clock = clock;
        this.events = events;
    }

    /**
     * @param channels the order to try them in: ZALO, SMS, EMAIL, each at most once (the inbox always has every message)
     * @param optOuts kinds of message (template keys) not to send beyond the inbox; notices the law requires are sent anyway
     */
    record PreferencesView(List<NotificationChannel> channels, Set<String> optOuts, String email, String phone, Set<String> optional) {
    }

    record Change(List<NotificationChannel> channels, Set<String> optOuts, String email, String phone) {
    }

    @Operation(summary = "The calling citizen's channels, order, opt-outs and addresses (defaults until changed); the token's"
            + " email and phone number are kept as their addresses where no dossier gave any, and messages that waited for an"
            + " address go")
    @GetMapping
    PreferencesView mine(Caller caller, @AuthenticationPrincipal Jwt token) {
        learnFrom(caller, token);
        Preferences preferences = current(citizen(caller));
        return new PreferencesView(preferences.channels(), preferences.optOuts(), preferences.email(), preferences.phone(), optional);
    }

    @Operation(summary = "Replaces the calling citizen's preferences; a field left out keeps its value; with an address given,"
            + " messages that waited for one go")
    @PutMapping
    PreferencesView change(@RequestBody Change change, Caller caller, @AuthenticationPrincipal Jwt token) {
        String citizenId = citizen(caller);
        learnFrom(caller, token);
        Preferences before = current(citizenId);
        List<String> errors = new ArrayList<>();
        List<NotificationChannel> channels = change.channels() == null ? before.channels() : change.channels();
        if (channels.stream().anyMatch(c -> c == null || !CHOOSABLE.contains(c))) {
            errors.add("channels are ZALO, SMS and EMAIL (the inbox always has every message)");
        }
        if (new LinkedHashSet<>(channels).size() != channels.size()) {
            errors.add("each channel appears once");
        }
        Set<String> optOuts = change.optOuts() == null ? before.optOuts() : change.optOuts();
        Set<String> unknown = new HashSet<>(optOuts);
        unknown.removeAll(optional);
        if (!unknown.isEmpty()) {
            errors.add("these cannot be opted out of (unknown, or notices the law requires): " + unknown);
        }
        String email = change.email() == null ? before.email() : blankToNull(change.email());
        if (email != null && !MailboxAddress.Check.isMailbox(email)) {
            errors.add("email " + MailboxAddress.NOT_A_MAILBOX);
        }
        String phone = change.phone() == null ? before.phone() : blankToNull(change.phone());
        if (phone != null && PhoneNumbers.international(phone) == null) {
            errors.add("phone is not a Vietnamese mobile number (0912345678 or 84912345678)");
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.unprocessable("invalid-preferences", String.join("; ", errors)).with("errors", errors);
        }
        Preferences saved = new Preferences(citizenId, List.copyOf(channels), Set.copyOf(optOuts), email, phone, clock.instant());
        mongo.save(saved);
        if (email != null || phone != null) {
            announce(citizenId, recipients.addressChosen(citizenId));
        }
        return new PreferencesView(saved.channels(), saved.optOuts(), saved.email(), saved.phone(), optional);
    }

    private void learnFrom(Caller caller, Jwt token) {
        if (caller.citizenId() != null && token != null) {
            announce(caller.citizenId(), recipients.learnFromToken(caller.citizenId(), token.getClaimAsString("name"),
                    token.getClaimAsString("email"), token.getClaimAsString("phone_number")));
        }
    }

    private void announce(String citizenId, List<String> waiting) {
        if (!waiting.isEmpty()) {
            events.publishEvent(new AddressesLearnt(citizenId, waiting));
        }
    }

    private Preferences current(String citizenId) {
        Preferences stored = mongo.findById(citizenId, Preferences.class);
        return stored == null ? Preferences.defaults(citizenId) : stored;
    }

    private static String citizen(Caller caller) {
        if (caller.citizenId() == null) {
            throw ApiProblem.forbidden("Only a citizen with a citizen id has notification preferences");
        }
        return caller.citizenId();
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }
}
