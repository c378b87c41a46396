package vn.motcua.events.dossier;

/** How a dossier reached the agency; {@link #code()} is the national channel code events carry. */
public enum Channel {
    IN_PERSON(1), ONLINE(2), POSTAL(3);

    private final int code;

    Channel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Channel ofCode(int code) {
        for (Channel channel : values()) {
            if (channel.code == code) {
                return channel;
            }
        }
        throw new IllegalArgumentException("No national channel code " + code);
    }
}
