package vn.motcua.kit.messaging;

/**
 * A feature of a service that reacts to events, named for what it does
 * ({@code OpensOrdersFromFeeLines}). It says which events it handles; the kit listens to their
 * topics (one consumer for the whole service), reads each record once and hands it
 * to the handlers of its type, with retries and dead letters on failure.
 */
public interface EventSubscriber {
    void subscribe(Subscriptions subscriptions);
}
