package vn.motcua.events;

/**
 * Kafka header names of the envelope: CloudEvents attributes in the Kafka protocol binding's
 * binary mode ({@code ce_} prefix), the record value being the event's JSON payload.
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** Extension attribute: the payload version from {@link EventContract#version()}. */
    public static final String DATA_VERSION = "ce_dataversion";
    /** Extension attribute: the correlation id of the request that caused the event. */
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
