package vn.motcua.events;

/**
 * An event whose topic depends on whom it is addressed to, e.g. one postal operator: its
 * contract names the family of topics ({@code postal.operator.{operator}}), the event the one
 * it travels on. Outside systems are given read access to their own topic only.
 */
public interface RoutedEvent extends Event {
    String topic();
}
