package vn.motcua.events;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.notification.NotificationFailed;
import vn.motcua.events.notification.NotificationSent;
import vn.motcua.events.payment.PaymentRequested;

/** Every published event record; the AsyncAPI document must describe each of them. */
public final class EventCatalog {
    public static final List<Class<? extends Event>> ALL = List.of(
            DossierSubmitted.class,
            PaymentRequested.class,
            NotificationSent.class,
            NotificationFailed.class);

    private static final Map<String, Class<? extends Event>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(type -> contractOf(type).type(), Function.identity()));

    private EventCatalog() {
    }

    public static EventContract contractOf(Class<? extends Event> type) {
        EventContract contract = type.getAnnotation(EventContract.class);
        if (contract == null) {
            throw new IllegalArgumentException(type.getName() + " is not annotated with @EventContract");
        }
        return contract;
    }

    public static Class<? extends Event> byType(String type) {
        return BY_TYPE.get(type);
    }
}
