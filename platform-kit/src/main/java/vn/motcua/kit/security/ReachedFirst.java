package vn.motcua.kit.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint whose path names a resource the caller must reach before its body is read: another citizen's booking, or
 * a shipment of another operator, is 404 whatever was sent, not a description of what the body lacks (ADR 0039).
 * {@link ReachBeforeBody} asks the service's {@link Reach} bean of the given type, after the endpoint's role rule.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ChecksReachFirst
public @interface ReachedFirst {
    /** The service's check of the resource. */
    Class<? extends Reach> value();

    /** The path variable that names the resource. */
    String pathVariable() default "id";

    /** A service's check that a resource exists and is within a caller's reach. */
    interface Reach {
        /** @throws vn.motcua.kit.problem.ApiProblem 404 (or 403) when the caller may not reach it */
        void check(String id, Caller caller);
    }
}
