package vn.motcua.events;

/**
 * A fact that happened to an aggregate. {@link #subject()} is the aggregate id: it is the
 * Kafka key, so the events of one dossier stay in order on their partition.
 */
public interface Event {
    String subject();
}
