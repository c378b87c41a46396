package vn.motcua.dossier.processing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the step an endpoint takes, so its documentation says who may take it (from {@link Step}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface TakesStep {
    Step value();
}
