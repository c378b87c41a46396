package vn.motcua.kit.problem;

import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Whether a failure means the database cannot be reached just now (restarting, failing over), so
 * that the same call may succeed in a moment. Spring translates most of the driver's such failures
 * to {@link DataAccessResourceFailureException}, but not a connection pool the driver paused after
 * a failed operation: that comes as an uncategorized error, and was answered 500, and a consumer
 * gave up on its event after a few retries as if the event were at fault.
 * The driver's classes are named, not referenced: the gateway uses the kit without a driver.
 */
public final class StorageAway {
    private static final Set<String> DRIVER_FAILURES = Set.of("com.mongodb.MongoConnectionPoolClearedException",
            "com.mongodb.MongoSocketException", "com.mongodb.MongoTimeoutException", "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException");

    private StorageAway() {
    }

    public static boolean causedIt(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || isDriverFailure(cause.getClass())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDriverFailure(Class<?> type) {
        for (Class<?> kind = type; kind != null && kind != Object.class; kind = kind.getSuperclass()) {
            if (DRIVER_FAILURES.contains(kind.getName())) {
                return true;
            }
        }
        return false;
    }
}
