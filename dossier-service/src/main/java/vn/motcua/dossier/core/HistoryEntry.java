package vn.motcua.dossier.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One change of a dossier. {@link #hash} covers every other field, including the hash of the
 * entry before, so changing or removing an entry breaks the chain from there on.
 *
 * @param from national status code before, 0 for the registration
 * @param to national status code after
 */
public record HistoryEntry(int seq, Instant at, String actorId, String actorName, String role, String action,
        int from, int to, String reason, String previousHash, String hash) {

    public static final String GENESIS = "0".repeat(64);

    static HistoryEntry next(HistoryEntry previous, Instant at, Actor actor, Action action, NationalStatus from,
            NationalStatus to, String reason) {
        int seq = previous == null ? 1 : previous.seq() + 1;
        String previousHash = previous == null ? GENESIS : previous.hash();
        // MongoDB keeps milliseconds: hash what will be read back.
        Instant stored = at.truncatedTo(ChronoUnit.MILLIS);
        HistoryEntry unsealed = new HistoryEntry(seq, stored, actor.id(), actor.name(), actor.role(), action.name(),
                from == null ? 0 : from.code(), to.code(), reason, previousHash, null);
        return unsealed.withHash(unsealed.computeHash());
    }

    private HistoryEntry withHash(String newHash) {
        return new HistoryEntry(seq, at, actorId, actorName, role, action, from, to, reason, previousHash, newHash);
    }

    /** SHA-256 over a fixed, unambiguous rendering of every field but the hash itself. */
    public String computeHash() {
        String canonical = String.join("\u001f", String.valueOf(seq), String.valueOf(at), nullSafe(actorId),
                nullSafe(actorName), nullSafe(role), nullSafe(action), String.valueOf(from), String.valueOf(to),
                nullSafe(reason), nullSafe(previousHash));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String nullSafe(String value) {
        return value == null ? "\u0000" : value;
    }
}
