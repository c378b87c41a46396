package vn.motcua.kit.problem;

import java.util.Optional;

/** What a failure was caused by, however deep the wrapping (a proxy's I/O error, a listener's execution failure). */
public final class Causes {
    private Causes() {
    }

    /** The first exception of this kind in the failure's chain of causes, the failure itself included. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return Optional.of(kind.cast(cause));
            }
        }
        return Optional.empty();
    }
}
