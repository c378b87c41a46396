package vn.motcua.kit.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint annotation whose check finds the path's resource within the caller's reach before the request's
 * body is read ({@link ReachedFirst}, or a service's own such as the dossier steps'). The services' boundary test asks
 * every endpoint that names a resource in its path and reads a body to carry one, unless it is for ops alone (ADR 0039).
 */
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ChecksReachFirst {
}
