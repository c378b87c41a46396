package vn.motcua.events;

import java.util.List;

/** Kafka topics, one per publishing service. Failed records go to the same name + {@link #DEAD_LETTER_SUFFIX}. */
public final class Topics {
    public static final String DOSSIER = "dossier.events";
    public static final String PAYMENT = "payment.events";
    public static final String POSTAL = "postal.events";
    public static final String APPOINTMENT = "appointment.events";
    public static final String NOTIFICATION = "notification.events";
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public static final List<String> ALL = List.of(DOSSIER, PAYMENT, POSTAL, APPOINTMENT, NOTIFICATION);

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
