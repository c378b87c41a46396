package vn.motcua.kit.realm;

/**
 * The realm could not answer who works where just now (down, restarting, or refusing the service's own account): the
 * same request may succeed in a moment. An event that needed it is retried; a request gets 503 with Retry-After.
 */
public class RealmUnavailable extends IllegalStateException {
    public RealmUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
