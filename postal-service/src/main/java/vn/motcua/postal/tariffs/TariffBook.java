package vn.motcua.postal.tariffs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
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
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-–]+");
    private static final Pattern UNIT_PREFIX = Pattern.compile("^(thanh pho|tp|tinh) (?=.)");
    private final TariffRules rules;
    /** The 34, as the file lists them. */
    private final List<Province> provinces;
    /** Each of them under every name it is found by (see {@link #byEveryName}). */
    private final Map<String, Province> byEveryName;

    /**
     * @param city a centrally run city (true) or a province
     * @param agencySuffix the province part of agency codes (e.g. H29), where known
     * @param alsoWritten abbreviations in common use (TP.HCM)
     */
    public record Province(String name, Boolean city, String agencySuffix, List<String> alsoWritten) {
    }

    /** Names of provinces that merged into another or became a city, and where they lie now, from a date, by an act. */
    record FormerNames(String source, LocalDate validFrom, String note, Map<String, String> names) {
    }

    private record ProvincesFile(List<Province> provinces, List<FormerNames> formerNames) {
    }

    TariffBook(JsonMapper json) {
        this.rules = read(json, "rules/postal-tariffs.json", TariffRules.class);
        ProvincesFile file = read(json, "rules/provinces.json", ProvincesFile.class);
        this.provinces = List.copyOf(file.provinces());
        this.byEveryName = byEveryName(file);
        check();
    }

    /**
     * Every way a province is found: its name, its abbreviations, and the provinces that became part
     * of it (an address written before the merger is still in use). Two names that read alike once
     * folded stop the start, as a name that is neither of the 34 does.
     */
    private static Map<String, Province> byEveryName(ProvincesFile file) {
        Map<String, Province> byName = file.provinces().stream()
                .collect(Collectors.toUnmodifiableMap(p -> key(p.name()), Function.identity()));
        Map<String, Province> byEveryName = new HashMap<>();
        file.provinces().forEach(province -> {
            List<String> names = new ArrayList<>(List.of(province.name()));
            names.addAll(province.alsoWritten() == null ? List.of() : province.alsoWritten());
            names.forEach(name -> addOnce(byEveryName, name, province));
        });
        (file.formerNames() == null ? List.<FormerNames>of() : file.formerNames()).forEach(act -> act.names().forEach((former, now) -> {
            Province province = byName.get(key(now));
            if (province == null || act.source() == null || act.validFrom() == null) {
                throw new IllegalStateException("rules/provinces.json: " + former + " became '" + now
                        + "', which is not one of the 34, or its act or date is missing");
            }
            addOnce(byEveryName, former, province);
        }));
        return Map.copyOf(byEveryName);
    }

    private static void addOnce(Map<String, Province> byEveryName, String name, Province province) {
        Province before = byEveryName.putIfAbsent(key(name), province);
        if (before != null && before != province) {
            throw new IllegalStateException("rules/provinces.json: '" + name + "' reads as " + before.name() + " and as " + province.name());
        }
    }

    public TariffRules rules() {
        return rules;
    }

    /** The province of that name, however written (see {@link #key}), or the one a former province is part of. */
    public Optional<Province> province(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byEveryName.get(key(name)));
    }

    /** The province of that name, or a 422 naming the 34 a citizen or a portal may choose from. */
    public Province requireProvince(String name) {
        return province(name).orElseThrow(() -> ApiProblem.unprocessable("province-unknown", "'" + name
                + "' is not one of the 34 provinces and cities since 1/7/2025 (e.g. Hà Nội, Gia Lai, Thành phố Hồ Chí Minh)"));
    }

    public Optional<Province> provinceOfAgency(String agencyCode) {
        return provinces.stream()
                .filter(p -> p.agencySuffix() != null && agencyCode != null && agencyCode.endsWith("." + p.agencySuffix()))
                .findFirst();
    }

    private void check() {
        if (provinces.size() != 34 || provinces.stream().map(p -> key(p.name())).distinct().count() != 34) {
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

    /**
     * A name as it is compared: without diacritics (so that the tone mark's place, Hoá or Hóa, and a
     * keyboard without Vietnamese do not matter; no two of the names read alike without them), in
     * lower case, full stops and dashes read as spaces, and without a leading "Thành phố", "TP" or "Tỉnh".
     */
    static String key(String name) {
        String folded = DIACRITICS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        String spaced = SEPARATORS.matcher(folded).replaceAll(" ").strip();
        return UNIT_PREFIX.matcher(spaced).replaceFirst("");
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
