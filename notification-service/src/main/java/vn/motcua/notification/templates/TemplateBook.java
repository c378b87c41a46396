package vn.motcua.notification.templates;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.notification.inbox.Message;

/**
 * Every kind of message's template: its built-in text (version 1) and the versions ops published,
 * the newest of which is used. A published text may use only the placeholders its built-in one
 * does — those the service fills — so a message never goes out with a hole in it. Published
 * versions are read into memory (rendering costs no database read) and read again every minute,
 * so another instance's publication takes effect here within a minute.
 */
@Component
public class TemplateBook {
    private static final Logger log = LoggerFactory.getLogger(TemplateBook.class);
    private static final int MAX_TITLE = 200;
    private static final int MAX_BODY = 4_000;
    private static final int MAX_SHORT = 480;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, Text> builtIn = new LinkedHashMap<>();
    private volatile Map<String, TemplateVersion> published = Map.of();

    public TemplateBook(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Declares a kind of message and its built-in text. */
    public void define(String key, Text text) {
        builtIn.put(key, text);
    }

    /** The message of this kind with these values, in its newest version. */
    public Message render(String key, Map<String, String> values) {
        return renderText(key, current(key), values);
    }

    Message renderText(String key, Text text, Map<String, String> values) {
        Text filled = text.fill(values);
        return new Message(key, filled.title(), filled.body(), filled.shortText() == null ? filled.title() : filled.shortText(), values);
    }

    public Set<String> keys() {
        return Set.copyOf(builtIn.keySet());
    }

    public Set<String> placeholdersOf(String key) {
        return builtIn(key).placeholders();
    }

    public Text current(String key) {
        TemplateVersion version = published.get(key);
        return version == null ? builtIn(key) : version.text();
    }

    public int currentVersion(String key) {
        TemplateVersion version = published.get(key);
        return version == null ? 1 : version.version();
    }

    /**
     * @throws ApiProblem 422 naming what is wrong (empty, too long, or a placeholder the service does not fill)
     */
    public void check(String key, Text text) {
        Set<String> allowed = placeholdersOf(key);
        List<String> errors = new ArrayList<>();
        if (text.title() == null || text.title().isBlank() || text.title().length() > MAX_TITLE) {
            errors.add("title is required, at most " + MAX_TITLE + " characters");
        }
        if (text.body() == null || text.body().isBlank() || text.body().length() > MAX_BODY) {
            errors.add("body is required, at most " + MAX_BODY + " characters");
        }
        if (text.shortText() != null && (text.shortText().isBlank() || text.shortText().length() > MAX_SHORT)) {
            errors.add("shortText, when given, is at most " + MAX_SHORT + " characters");
        }
        if (errors.isEmpty()) {
            Set<String> unknown = new TreeSet<>(text.placeholders());
            unknown.removeAll(allowed);
            if (!unknown.isEmpty()) {
                errors.add("unknown placeholders " + unknown + "; " + key + " fills " + new TreeSet<>(allowed));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.unprocessable("invalid-template", String.join("; ", errors)).with("errors", errors);
        }
    }

    /** Publishes the next version; two publishing at once cannot both take the same number. */
    public TemplateVersion publish(String key, Text text, String publishedBy) {
        builtIn(key);
        check(key, text);
        for (int attempt = 0; attempt < 5; attempt++) {
            int next = latestStored(key).map(v -> v.version() + 1).orElse(2);
            TemplateVersion version = new TemplateVersion(key + "@" + next, key, next, text.title(), text.body(), text.shortText(),
                    publishedBy, clock.instant());
            try {
                mongo.insert(version);
                refresh();
                return version;
            } catch (DuplicateKeyException taken) {
                log.info("Version {} of {} was published meanwhile; taking the next", next, key);
            }
        }
        throw ApiProblem.conflict("concurrent-publication", "Versions of " + key + " are being published concurrently; try again");
    }

    public List<TemplateVersion> versions(String key) {
        builtIn(key);
        return mongo.find(new Query(where("key").is(key)).with(Sort.by("version")), TemplateVersion.class);
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT0S")
    void refresh() {
        try {
            Map<String, TemplateVersion> newest = new HashMap<>();
            for (TemplateVersion version : mongo.findAll(TemplateVersion.class)) {
                newest.merge(version.key(), version, (a, b) -> a.version() >= b.version() ? a : b);
            }
            published = Map.copyOf(newest);
        } catch (DataAccessException e) {
            log.warn("Cannot read the published templates now (the last ones read stay in use): {}", e.toString());
        }
    }

    private Optional<TemplateVersion> latestStored(String key) {
        return Optional.ofNullable(mongo.findOne(new Query(where("key").is(key)).with(Sort.by(Sort.Direction.DESC, "version")).limit(1),
                TemplateVersion.class));
    }

    private Text builtIn(String key) {
        Text text = builtIn.get(key);
        if (text == null) {
            throw ApiProblem.notFound("Template", key);
        }
        return text;
    }
}
