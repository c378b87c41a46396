package vn.motcua.appointment.offices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The offices, loaded from the service's own data file. */
@Component
public class Offices {
    private final List<Office> offices;

    private record OfficesFile(List<Office> offices) {
    }

    Offices(JsonMapper json) {
        try (InputStream in = new ClassPathResource("data/offices.json").getInputStream()) {
            this.offices = List.copyOf(json.readerFor(OfficesFile.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).<OfficesFile>readValue(in).offices());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the offices", e);
        }
    }

    public List<Office> all() {
        return offices;
    }

    public Optional<Office> byId(String id) {
        return offices.stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
