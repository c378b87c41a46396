package vn.motcua.postal.tariffs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.kit.problem.ApiProblem;

/**
 * The tariff rules and the provinces they name, read from {@code rules/postal-tariffs.json} and
 * {@code rules/provinces.json} and checked at start: every scope names a known province, every
 * window is the right way round, every percentage is between 0 and 100.
 */
@Component
public class TariffBook {
    private final TariffRules rules;
    private final Map<String, Province> provinces;

    /**
     * @param city a centrally run city (true) or a province
     * @param agencySuffix the province part of agency codes (e.g. H29), where known
     */
    public record Province(String name, Boolean city, String agencySuffix) {
    }

    private record ProvincesFile(List<Province> provinces) {
    }

    TariffBook(JsonMapper json) {
        this.rules = read(json, "rules/postal-tariffs.json", TariffRules.class);
        List<Province> listed = read(json, "rules/provinces.json", ProvincesFile.class).provinces();
        this.provinces = listed.stream().collect(Collectors.toUnmodifiableMap(p -> key(p.name()), Function.identity()));
        check(listed);
    }

    public TariffRules rules() {
        return rules;
    }

    /** The province of that name, whatever the case, spacing or Unicode composition. */
    public Optional<Province> province(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(provinces.get(key(name)));
    }

    /** The province of that name, or a 422 naming the 34 a citizen or a portal may choose from. */
    public Province requireProvince(String name) {
        return province(name).orElseThrow(() -> ApiProblem.unprocessable("province-unknown", "'" + name
                + "' is not one of the 34 provinces and cities since 1/7/2025 (e.g. Hà Nội, Gia Lai, Thành phố Hồ Chí Minh)"));
    }

    public Optional<Province> provinceOfAgency(String agencyCode) {
        return provinces.values().stream()
                .filter(p -> p.agencySuffix() != null && agencyCode != null && agencyCode.endsWith("." + p.agencySuffix()))
                .findFirst();
    }

    private void check(List<Province> listed) {
        if (listed.size() != 34 || provinces.size() != 34) {
            throw new IllegalStateException("rules/provinces.json must list the 34 provinces and cities once each");
        }
        Set<String> problems = new HashSet<>();
        rules.discounts().forEach(d -> {
            if (d.scope() != null && d.scope().province() != null && province(d.scope().province()).isEmpty()) {
                problems.add(d.id() + ": unknown province " + d.scope().province());
            }
            if (d.validUntil() != null && d.validUntil().isBefore(d.validFrom())) {
                problems.add(d.id() + ": window ends before it starts");
            }
            if (d.percent().signum() < 0 || d.percent().compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add(d.id() + ": percent outside 0..100");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("rules/postal-tariffs.json: " + problems);
        }
    }

    static String key(String name) {
        return Normalizer.normalize(name.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC).toLowerCase();
    }

    private static <T> T read(JsonMapper json, String path, Class<T> type) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
