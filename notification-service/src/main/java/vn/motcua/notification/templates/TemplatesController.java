package vn.motcua.notification.templates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.security.Caller;
import vn.motcua.notification.channels.SmsText;
import vn.motcua.notification.inbox.Message;

/** Ops' view of the templates: what each says now, its versions, publishing a new one, and a preview of any text. */
@RestController
@RequestMapping("/api/v1/notifications/templates")
@PreAuthorize("hasRole('ops')")
class TemplatesController {
    private final TemplateBook book;

    TemplatesController(TemplateBook book) {
        this.book = book;
    }

    record TemplateView(String key, int version, Set<String> placeholders, Text text) {
    }

    record Draft(String title, String body, String shortText, Map<String, String> values) {
    }

    /** What a message would look like: its texts, and the SMS as sent (unaccented) and accented, with their parts. */
    record Preview(String key, String title, String body, String shortText, String sms, int smsParts, int smsAccentedParts) {
    }

    @Operation(summary = "Every kind of message: its current version, the placeholders it may use, and its text")
    @GetMapping
    List<TemplateView> all() {
        return new TreeSet<>(book.keys()).stream().map(this::view).toList();
    }

    @Operation(summary = "One kind of message now, with every version published for it (version 1 is the built-in one)")
    @GetMapping("/{key}")
    Map<String, Object> one(@PathVariable String key) {
        return Map.of("current", view(key), "published", book.versions(key));
    }

    @Operation(summary = "Publishes the next version of a template; a placeholder the service does not fill is refused (422)")
    @ApiResponse(responseCode = "201", description = "Published; Location names the template", useReturnTypeSchema = true)
    @PostMapping("/{key}/versions")
    ResponseEntity<TemplateVersion> publish(@PathVariable String key, @RequestBody Draft draft, Caller caller) {
        TemplateVersion version = book.publish(key, new Text(draft.title(), draft.body(), draft.shortText()), caller.username());
        return ResponseEntity.created(URI.create("/api/v1/notifications/templates/" + key)).body(version);
    }

    @Operation(summary = "Renders a draft (or, without one, the current text) with the given values; placeholders without"
            + " a value show as «name»")
    @PostMapping("/{key}/preview")
    Preview preview(@PathVariable String key, @RequestBody(required = false) Draft draft) {
        Text text = draft == null || draft.title() == null && draft.body() == null ? book.current(key)
                : new Text(draft.title(), draft.body(), draft.shortText());
        book.check(key, text);
        Map<String, String> values = new HashMap<>();
        for (String name : book.placeholdersOf(key)) {
            values.put(name, "«" + name + "»");
        }
        if (draft != null && draft.values() != null) {
            draft.values().forEach((name, value) -> {
                if (values.containsKey(name) && value != null) {
                    values.put(name, value);
                }
            });
        }
        Message message = book.renderText(key, text, values);
        String sms = SmsText.unaccented(message.shortText());
        return new Preview(key, message.title(), message.body(), message.shortText(), sms, SmsText.parts(sms),
                SmsText.parts(message.shortText()));
    }

    private TemplateView view(String key) {
        return new TemplateView(key, book.currentVersion(key), new TreeSet<>(book.placeholdersOf(key)), book.current(key));
    }
}
