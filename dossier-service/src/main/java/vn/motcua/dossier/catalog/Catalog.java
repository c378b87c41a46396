package vn.motcua.dossier.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The procedure catalog and the agencies, loaded from the service's own data file. Rules
 * such as fees and online levels are data, so a new decree is a data change.
 */
@Component
public class Catalog {
    private final Map<String, Procedure> procedures;
    private final Map<String, Agency> agencies;

    private record CatalogFile(List<Agency> agencies, List<Procedure> procedures) {
    }

    public Catalog(JsonMapper json) {
        try (InputStream in = new ClassPathResource("catalog/procedures.json").getInputStream()) {
            CatalogFile file = json.readerFor(CatalogFile.class)
                    .without(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in);
            this.procedures = index(file.procedures(), Procedure::code);
            this.agencies = index(file.agencies(), Agency::code);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the procedure catalog", e);
        }
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }

    public Optional<Procedure> procedure(String code) {
        return Optional.ofNullable(procedures.get(code));
    }

    public Optional<Agency> agency(String code) {
        return Optional.ofNullable(agencies.get(code));
    }

    public List<Agency> agencies() {
        return agencies.values().stream().sorted(Comparator.comparing(Agency::code)).toList();
    }

    /** Procedures matching every given filter (null = any); name matches case-insensitively by substring. */
    public List<Procedure> search(String name, String field, String agencyLevel, Integer onlineLevel) {
        return procedures.values().stream()
                .filter(p -> name == null || contains(p.name(), name))
                .filter(p -> field == null || p.field().equalsIgnoreCase(field))
                .filter(p -> agencyLevel == null || p.agencyLevel().equalsIgnoreCase(agencyLevel))
                .filter(p -> onlineLevel == null || p.onlineLevel() == onlineLevel)
                .sorted(Comparator.comparing(Procedure::code))
                .toList();
    }

    private static boolean contains(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
