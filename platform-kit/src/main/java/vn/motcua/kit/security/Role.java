package vn.motcua.kit.security;

/** Realm roles of the motcua Keycloak realm, as they appear in {@code realm_access.roles}. */
public enum Role {
    CITIZEN("citizen"),
    OFFICER("officer"),
    SPECIALIST("specialist"),
    LEADER("leader"),
    POSTAL_OPERATOR("postal-operator"),
    OPS("ops"),
    /** Service accounts of provincial portals, which act on behalf of citizens. */
    PORTAL("portal"),
    /** Service accounts of social-network chat bots (a Zalo Official Account), which book for phone numbers. */
    CHATBOT("chatbot"),
    /** Post-office clerks of the public postal service (BCCI), who submit online on behalf of the citizens before them. */
    POSTAL_CLERK("postal-clerk");

    private final String realmName;

    Role(String realmName) {
        this.realmName = realmName;
    }

    public String realmName() {
        return realmName;
    }

    public String authority() {
        return "ROLE_" + realmName;
    }
}
