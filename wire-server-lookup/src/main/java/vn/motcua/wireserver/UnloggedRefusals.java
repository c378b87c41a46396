package vn.motcua.wireserver;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.exception.MongoSilentServerException;
import org.slf4j.ILoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps out of the wire server's error log the refusals MongoDB does not log. MongoDB answers a write
 * that meets a unique key with error 11000, and a drop of a collection that does not exist with ok,
 * and logs neither: the client is told, and the services read a duplicate key as an answer (a newer
 * statement of a citizen's addresses stands, a key is taken). mongo-java-server logs every refused
 * command at ERROR with its stack trace, even those it marks silent itself, which buried the local
 * stack's log under the intended answers during load and fault runs. Every other failure of the wire
 * server is still logged.
 */
public final class UnloggedRefusals extends TurboFilter {
    private static final String WIRE_SERVER = "de.bwaldvogel.mongo";

    public UnloggedRefusals() {
        setName(UnloggedRefusals.class.getSimpleName());
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
                boolean present = context.getTurboFilterList().stream().anyMatch(UnloggedRefusals.class::isInstance);
                if (!present) {
                    UnloggedRefusals filter = new UnloggedRefusals();
                    filter.setContext(context);
                    filter.start();
                    context.addTurboFilter(filter);
                }
            }
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        // Every logging call of the JVM comes here first, the wire server's debug lines under load too: the level is the cheap test.
        if (level != Level.ERROR || logger == null || !logger.getName().startsWith(WIRE_SERVER)) {
            return FilterReply.NEUTRAL;
        }
        // The wire server passes the exception as the last argument of its message, not as t.
        Object last = params == null || params.length == 0 ? null : params[params.length - 1];
        return unlogged(t) || unlogged(last) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    private static boolean unlogged(Object refusal) {
        return refusal instanceof DuplicateKeyError || refusal instanceof MongoSilentServerException;
    }
}
