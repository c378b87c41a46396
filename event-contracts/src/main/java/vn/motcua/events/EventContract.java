package vn.motcua.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a published event: its CloudEvents {@code type}, the version of its
 * payload and the topic it travels on. A payload change that breaks readers gets a new
 * version (and a new record), never an edit of the old one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventContract {
    String type();

    int version();

    String topic();
}
