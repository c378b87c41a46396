package vn.motcua.dossier.core;

import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;

/**
 * Who did something to a dossier, as the history records it.
 *
 * @param role the role the action was taken in (officer, specialist, leader, citizen, portal, system)
 */
public record Actor(String id, String name, String role) {
    public static final Actor SYSTEM = new Actor("dossier-service", "dossier-service", "system");

    public static Actor of(Caller caller, Role actingAs) {
        return new Actor(caller.subject(), caller.username() != null ? caller.username() : caller.clientId(),
                actingAs.realmName());
    }

    public static Actor ofEvent(String source, String eventId) {
        return new Actor(source + "#" + eventId, source, "system");
    }
}
