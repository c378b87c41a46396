package vn.motcua.postal.shipments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.kit.time.CivilTime;

/**
 * How many times the postman tries before the post stops, per operator and period, as
 * {@code rules/postal-attempts.json} states them (ADR 0086). Checked at start: every count at least
 * one, every window the right way round with its source, no two rules of one operator (or of the
 * platform) in force on the same day, and the platform's rules leaving no day uncovered from the
 * first onwards, so every report finds its rule.
 */
@Component
public class AttemptRules {
    private static final String FILE = "rules/postal-attempts.json";
    private final List<Rule> rules;

    /** @param operator null for the platform's rule, which holds for every operator without its own */
    record Rule(String id, String operator, int deliveries, int collections, LocalDate validFrom, LocalDate validUntil,
            String source) {
        boolean inForce(String operator, LocalDate day) {
            return Objects.equals(this.operator, operator) && !day.isBefore(validFrom)
                    && (validUntil == null || !day.isAfter(validUntil));
        }

        AttemptLimits limits() {
            return new AttemptLimits(deliveries, collections, id);
        }
    }

    private record RulesFile(List<Rule> rules) {
    }

    @Autowired
    AttemptRules(JsonMapper json) {
        this(read(json));
    }

    AttemptRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        check();
    }

    /**
     * The limits for the operator's attempt at that instant: its own rule, else the platform's; an
     * attempt dated before the platform's first rule takes that first rule.
     */
    public AttemptLimits at(String operator, Instant attemptedAt) {
        LocalDate day = LocalDate.ofInstant(attemptedAt, CivilTime.VIETNAM);
        return rules.stream().filter(r -> r.inForce(operator, day)).findFirst()
                .or(() -> rules.stream().filter(r -> r.inForce(null, day)).findFirst())
                .orElseGet(() -> platformRules().getFirst()).limits();
    }

    private List<Rule> platformRules() {
        return rules.stream().filter(r -> r.operator() == null).sorted(Comparator.comparing(Rule::validFrom)).toList();
    }

    private void check() {
        List<String> problems = new ArrayList<>();
        rules.forEach(r -> {
            if (r.id() == null || r.validFrom() == null || r.source() == null || r.source().isBlank()) {
                problems.add(r.id() + ": an id, validFrom and source are required");
            } else if (r.validUntil() != null && r.validUntil().isBefore(r.validFrom())) {
                problems.add(r.id() + ": window ends before it starts");
            }
            if (r.deliveries() < 1 || r.collections() < 1) {
                problems.add(r.id() + ": the postman tries at least once");
            }
        });
        if (problems.isEmpty()) {
            rules.stream().map(Rule::operator).distinct().forEach(operator -> problems.addAll(overlapsOrGaps(operator)));
        }
        if (platformRules().isEmpty() || platformRules().getLast().validUntil() != null) {
            problems.add("a platform rule (no operator) open at its end is required, so every attempt finds one");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(FILE + ": " + problems);
        }
    }

    /** Two rules of one operator in force on one day; for the platform's, also a day between two of them left uncovered. */
    private List<String> overlapsOrGaps(String operator) {
        List<Rule> sorted = rules.stream().filter(r -> Objects.equals(r.operator(), operator))
                .sorted(Comparator.comparing(Rule::validFrom)).toList();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            Rule before = sorted.get(i - 1);
            Rule next = sorted.get(i);
            if (before.validUntil() == null || !before.validUntil().isBefore(next.validFrom())) {
                problems.add(before.id() + " and " + next.id() + " are both in force on " + next.validFrom());
            } else if (operator == null && before.validUntil().plusDays(1).isBefore(next.validFrom())) {
                problems.add("no platform rule between " + before.id() + " and " + next.id());
            }
        }
        return problems;
    }

    private static List<Rule> read(JsonMapper json) {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            RulesFile file = json.readerFor(RulesFile.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in);
            return file.rules() == null ? List.of() : file.rules();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE, e);
        }
    }
}
