package vn.motcua.dossier.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.notices.Notice;

/** The calendar data file: the years the service starts with, each with the notice it follows. */
public final class CalendarSeed {

    /** A year as the file writes it. */
    record SeedYear(List<LocalDate> daysOff, List<LocalDate> workingWeekendDays, boolean provisional, Notice source) {
    }

    private record SeedFile(Map<String, SeedYear> years) {
    }

    private CalendarSeed() {
    }

    static Map<Integer, SeedYear> read(JsonMapper json, String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            SeedFile file = json.readerFor(SeedFile.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in);
            return file.years().entrySet().stream().collect(Collectors.toMap(e -> Integer.parseInt(e.getKey()),
                    Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the working calendar " + resource, e);
        }
    }

    /** The file's calendar before ops publish anything: what unit tests and benchmarks count with. */
    public static WorkingCalendar calendar(JsonMapper json, String resource) {
        return new WorkingCalendar(read(json, resource).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> CalendarDays.validated(e.getKey(), e.getValue().daysOff(), e.getValue().workingWeekendDays())
                        .toYear())));
    }
}
