package vn.motcua.wireserver;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import org.slf4j.ILoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps the wire server from logging a duplicate key as its own failure. MongoDB answers a write
 * that meets a unique key with error 11000 and logs nothing: the client is told, and the services
 * read it as an answer (a newer statement of a citizen's addresses stands, a key is taken).
 * mongo-java-server logs every refused command at ERROR with its stack trace, which buried the
 * local stack's log under the intended answers during load and fault runs. Every other failure of
 * the wire server is still logged.
 */
public final class DuplicateKeysAreAnswers extends TurboFilter {
    private static final String WIRE_SERVER = "de.bwaldvogel.mongo";

    public DuplicateKeysAreAnswers() {
        setName(DuplicateKeysAreAnswers.class.getSimpleName());
    }

    /**
     * Adds the filter to the logging in use, when it is Logback's and has no such filter yet. Spring
     * Boot resets the logging when it starts, so whoever starts a wire server under it installs
     * this once Boot's logging is in place; a {@code logback.xml} names it as a
     * {@code <turboFilter>}.
     */
    public static void installInto(ILoggerFactory logging) {
        if (logging instanceof LoggerContext context) {
            synchronized (context) {
                boolean present = context.getTurboFilterList().stream().anyMatch(DuplicateKeysAreAnswers.class::isInstance);
                if (!present) {
                    DuplicateKeysAreAnswers filter = new DuplicateKeysAreAnswers();
                    filter.setContext(context);
                    filter.start();
                    context.addTurboFilter(filter);
                }
            }
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || !logger.getName().startsWith(WIRE_SERVER)) {
            return FilterReply.NEUTRAL;
        }
        // The wire server passes the exception as the last argument of its message, not as t.
        Object last = params == null || params.length == 0 ? null : params[params.length - 1];
        return t instanceof DuplicateKeyError || last instanceof DuplicateKeyError ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
