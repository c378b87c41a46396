package vn.motcua.kit.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper that reads request bodies: the application's own, made strict about what a caller
 * wrote. Text is checked (RequestText), dates are bounded and written as text (RequestDates), a
 * number is refused for one of a set of names (a purpose of 0 would be whichever constant is
 * declared first) and a field given twice is refused (DuplicateFields).
 *
 * <p>A number or a yes/no is taken only as JSON writes it. Jackson's defaults read {@code "1200000"}
 * as 1,200,000, trimming what surrounds the digits on the way, so {@code "1200000\u0000"} was
 * stored as a clean amount; {@code 1.9} was cut to 1 for a whole number, a fee or a weight a caller
 * never meant; {@code "false"}, {@code 0} and {@code ""} were read as yes/no or as nothing at all.
 * Each is now a 400 naming its field, so what is recorded is what was sent. Responses, events and
 * the files the services read are unchanged.
 */
public final class RequestBodies {
    private RequestBodies() {
    }

    /** The reader for request bodies, built from the application's mapper. */
    public static JsonMapper readerFrom(JsonMapper json) {
        return json.rebuild().addModule(RequestText.module()).addModule(RequestDates.module())
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT).build();
    }
}
