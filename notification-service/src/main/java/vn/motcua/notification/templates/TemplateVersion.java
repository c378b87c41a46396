package vn.motcua.notification.templates;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A version of a template published by ops; version 1 of every template is the built-in one. */
@Document(TemplateVersion.COLLECTION)
public record TemplateVersion(@Id String id, String key, Integer version, String title, String body, String shortText, String publishedBy,
        Instant publishedAt) {
    public static final String COLLECTION = "template_versions";

    Text text() {
        return new Text(title, body, shortText);
    }
}
