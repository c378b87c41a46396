package vn.motcua.dossier.core;

/** How a dossier reached the agency, with its national channel code. */
public enum Channel {
    IN_PERSON(1), ONLINE(2), POSTAL(3);

    private final int code;

    Channel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
