package vn.motcua.kit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Set;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import vn.motcua.kit.problem.ValueNotAccepted;

/**
 * Dates in requests are written with four-digit years, 0001 to 9999, as every calendar, register
 * and provider here writes them. ISO 8601's expanded years ({@code -999999999-01-01}) were read,
 * and then broke where they went: MongoDB's dates, the provider's {@code yyyyMMdd}, a 500 or a
 * 503 for a request that can never succeed. Checked in bodies (400 {@code date-out-of-range}) and in
 * query and path parameters (400). In a body a date is text: a number or an array of its parts is
 * refused (400 {@code malformed-body}).
 */
public final class RequestDates {
    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;
    private static final long FIRST_SECOND = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    private static final long END_SECOND = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);

    private RequestDates() {
    }

    /** True for anything that is not a date, and for a date within the years written here. */
    static boolean inRange(Object value) {
        if (value instanceof Instant instant) {
            return instant.getEpochSecond() >= FIRST_SECOND && instant.getEpochSecond() < END_SECOND;
        }
        if (value instanceof TemporalAccessor temporal && temporal.isSupported(ChronoField.YEAR)) {
            int year = temporal.get(ChronoField.YEAR);
            return year >= FIRST_YEAR && year <= LAST_YEAR;
        }
        return true;
    }

    /** The module for the mapper that reads request bodies. */
    public static SimpleModule module() {
        return new SimpleModule("request-dates").setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return TemporalAccessor.class.isAssignableFrom(description.getBeanClass()) ? new Bounded(deserializer) : deserializer;
            }
        });
    }

    /** The same bound on dates in query and path parameters, with or without {@code @DateTimeFormat}. */
    public static void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(new BoundedAnnotated());
        Printer<LocalDate> iso = (date, locale) -> DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        Parser<LocalDate> parser = bounded((text, locale) -> LocalDate.parse(text));
        registry.addFormatterForFieldType(LocalDate.class, iso, parser);
    }

    private static <T> Parser<T> bounded(Parser<T> parser) {
        return (text, locale) -> {
            T value = parser.parse(text, locale);
            if (!inRange(value)) {
                throw new IllegalArgumentException(text + " is outside the years " + FIRST_YEAR + " to " + LAST_YEAR);
            }
            return value;
        };
    }

    private static final class BoundedAnnotated implements AnnotationFormatterFactory<DateTimeFormat> {
        private final Jsr310DateTimeFormatAnnotationFormatterFactory iso = new Jsr310DateTimeFormatAnnotationFormatterFactory();

        @Override
        public Set<Class<?>> getFieldTypes() {
            return iso.getFieldTypes();
        }

        @Override
        public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
            return iso.getPrinter(annotation, fieldType);
        }

        @Override
        public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
            return bounded(iso.getParser(annotation, fieldType));
        }
    }

    private static final class Bounded extends DelegatingDeserializer {
        Bounded(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Bounded(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken().isNumeric() || parser.currentToken() == JsonToken.START_ARRAY) {
                // 1700000000 is seconds to one client and milliseconds to the next, and [2026, 12, 7] is
                // Jackson's own form; the API documents dates as ISO 8601 text, and takes only that.
                return context.handleUnexpectedToken(handledType(), parser);
            }
            Object value = super.deserialize(parser, context);
            if (!inRange(value)) {
                throw ValueNotAccepted.dateOutOfRange(parser, value, FIRST_YEAR, LAST_YEAR);
            }
            return value;
        }
    }
}
