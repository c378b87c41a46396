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
    /**
     * What the platform asks of one postal operator, on a topic of that operator's own (its OAuth2
     * client id replaces the parameter) so that the broker's ACLs let it read nothing else.
     */
    public static final String POSTAL_OPERATOR = "postal.operator.{operator}";

    public static final List<String> ALL = List.of(DOSSIER, PAYMENT, POSTAL, APPOINTMENT, NOTIFICATION);

    private Topics() {
    }

    public static String ofPostalOperator(String operator) {
        if (operator == null || !operator.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("Not an operator's client id: " + operator);
        }
        return POSTAL_OPERATOR.replace("{operator}", operator);
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
