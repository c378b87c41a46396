package vn.motcua.dossier.processing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import vn.motcua.kit.security.ChecksReachFirst;

/**
 * Names the step an endpoint takes, so its documentation says who may take it (from {@link Step}), and
 * {@code StepRolesFirst} checks the step's role and whose dossier it is before the body is read.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ChecksReachFirst
@interface TakesStep {
    Step value();
}
