package vn.motcua.dossier.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.kit.http.IfMatch;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;

/**
 * The procedure catalog and the agencies. Procedures start from the service's data file
 * (loaded once into MongoDB as version 1) and are then edited by ops; every edit is a new
 * version and the old ones stay readable, so a dossier keeps the rules it was accepted under.
 */
@Component
public class Catalog {
    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Clock clock;
    private final Map<String, Agency> agencies;
    private final LocalTime opens;
    private final LocalTime closes;

    private record CatalogFile(List<Agency> agencies, List<Procedure> procedures) {
    }

    public Catalog(JsonMapper json, MongoTemplate mongo, AggregateStore store, Clock clock,
            @Value("${motcua.dossier.office-hours.opens:07:30}") LocalTime opens,
            @Value("${motcua.dossier.office-hours.closes:17:30}") LocalTime closes) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
        this.opens = opens;
        this.closes = closes;
        CatalogFile file = read(json);
        this.agencies = file.agencies().stream().collect(Collectors.toUnmodifiableMap(Agency::code, Function.identity()));
        Agency.checkSuccessions(agencies);
        // Loaded once: a procedure already stored may have been edited since, and the database is the truth.
        file.procedures().forEach(procedure -> store.insertOnce(CatalogEntry.first(procedure, "catalog data file",
                clock.instant())));
    }

    private static CatalogFile read(JsonMapper json) {
        try (InputStream in = new ClassPathResource("catalog/procedures.json").getInputStream()) {
            return json.readerFor(CatalogFile.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the procedure catalog", e);
        }
    }

    public Optional<Procedure> procedure(String code) {
        return Optional.ofNullable(mongo.findById(code, CatalogEntry.class)).map(entry -> entry.current);
    }

    public Optional<Procedure> procedure(String code, int version) {
        return Optional.ofNullable(mongo.findById(code, CatalogEntry.class))
                .flatMap(entry -> entry.versions.stream().filter(p -> p.version() == version).findFirst());
    }

    /** What an operation that names an agency answers when none has the code: its API document says so with this. */
    public static final String UNKNOWN_AGENCY = "unknown-agency: no agency has the agencyCode given";

    /** The agency a request names (in its body or its query), or 422 {@code unknown-agency} naming the code. */
    public Agency knownAgency(String code) {
        return agency(code).orElseThrow(() -> ApiProblem.unprocessable("unknown-agency", "No agency with code " + code)
                .with("agencyCode", code));
    }

    public Optional<Agency> agency(String code) {
        return Optional.ofNullable(agencies.get(code));
    }

    /**
     * The successor that holds a dissolved agency's dossiers on {@code day}, following its line of successors (ADR 0090);
     * empty while the agency holds its own, or when its line ends without one.
     */
    public Optional<Agency> successorHoldingOn(Agency agency, LocalDate day) {
        return agency.holderOn(day, this::agency).filter(holder -> !holder.code().equals(agency.code()));
    }

    public List<Agency> agencies() {
        return agencies.values().stream().sorted(Comparator.comparing(Agency::code)).toList();
    }

    /**
     * What citizens filter the catalog by; null means any.
     *
     * @param name substring of the name, ignoring case and Vietnamese diacritics, as people type on a phone
     * @param agencyCode only the procedures that agency's level handles
     * @param urgent on the urgent list the counters still take in person
     * @param acceptByPost the dossier may be sent by post (the list the directives ask agencies to publish)
     * @param returnByPost the result may come back by post (not when the register must be signed in person)
     * @param paperOriginalRequired the agency must see the paper originals before receiving an online dossier
     */
    public record Filter(String name, String field, String agencyCode, Integer onlineLevel, Boolean urgent,
            Boolean acceptByPost, Boolean returnByPost, Boolean paperOriginalRequired) {
    }

    public List<Procedure> search(Filter filter) {
        String agencyLevel = filter.agencyCode() == null ? null : knownAgency(filter.agencyCode()).level();
        Query currentOnly = new Query();
        currentOnly.fields().include("current");
        return mongo.find(currentOnly, CatalogEntry.class).stream().map(entry -> entry.current)
                .filter(p -> filter.name() == null || fold(p.name()).contains(fold(filter.name())))
                .filter(p -> filter.field() == null || fold(p.field()).equals(fold(filter.field())))
                .filter(p -> agencyLevel == null || p.agencyLevel().equalsIgnoreCase(agencyLevel))
                .filter(p -> filter.onlineLevel() == null || p.onlineLevel() == filter.onlineLevel())
                .filter(p -> filter.urgent() == null || p.urgentCounter() == filter.urgent())
                .filter(p -> filter.acceptByPost() == null || p.acceptByPost() == filter.acceptByPost())
                .filter(p -> filter.returnByPost() == null || p.resultMayGoByPost() == filter.returnByPost())
                .filter(p -> filter.paperOriginalRequired() == null
                        || p.paperOriginalRequired() == filter.paperOriginalRequired())
                .sorted(Comparator.comparing(Procedure::code))
                .toList();
    }

    /** Adds a procedure at version 1; a code already in the catalog is a conflict. */
    public Procedure add(Procedure procedure, String by) {
        CutOff.requireWithin(procedure.cutOff(), opens, closes);
        try {
            return store.insert(CatalogEntry.first(procedure, by, clock.instant())).current;
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("procedure-exists", "Procedure " + procedure.code() + " is already in the catalog; edit it instead");
        }
    }

    /**
     * Publishes a new version of a procedure.
     *
     * @param expectedVersion the version the editor saw; a different current version means someone edited in between
     */
    public Procedure edit(String code, Procedure changed, int expectedVersion, String by) {
        CutOff.requireWithin(changed.cutOff(), opens, closes);
        CatalogEntry entry = Optional.ofNullable(mongo.findById(code, CatalogEntry.class))
                .orElseThrow(() -> ApiProblem.notFound("Procedure", code));
        if (entry.current.version() != expectedVersion) {
            throw staleEdit(code, entry.current.version(), expectedVersion);
        }
        Procedure next = changed.atVersion(expectedVersion + 1);
        try {
            store.update(entry, entry.publish(next, by, clock.instant()));
        } catch (OptimisticLockingFailureException e) {
            throw staleEdit(code, expectedVersion + 1, expectedVersion);
        }
        return next;
    }

    private static ApiProblem staleEdit(String code, int current, int expected) {
        return IfMatch.stale("stale-procedure-version", "Procedure " + code + " is at version " + current
                + ", not " + expected + "; read it again and reapply your change", current);
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
