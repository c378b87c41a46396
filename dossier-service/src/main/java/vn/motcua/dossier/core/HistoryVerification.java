package vn.motcua.dossier.core;

import java.util.List;

/**
 * The outcome of checking a dossier's history chain.
 *
 * @param firstBrokenEntry sequence number of the first entry that does not match, null when intact
 * @param problem what is wrong with that entry
 */
public record HistoryVerification(String dossierCode, boolean intact, int entries, Integer firstBrokenEntry,
        String problem) {

    public static HistoryVerification of(String dossierCode, List<HistoryEntry> history) {
        String expectedPrevious = HistoryEntry.GENESIS;
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry entry = history.get(i);
            if (entry.seq() != i + 1) {
                return broken(dossierCode, history, i + 1, "entry " + (i + 1) + " is missing or out of order (found seq " + entry.seq() + ")");
            }
            if (!expectedPrevious.equals(entry.previousHash())) {
                return broken(dossierCode, history, entry.seq(), "does not point to the hash of the entry before it");
            }
            if (!entry.computeHash().equals(entry.hash())) {
                return broken(dossierCode, history, entry.seq(), "its content does not match its hash");
            }
            expectedPrevious = entry.hash();
        }
        return new HistoryVerification(dossierCode, true, history.size(), null, null);
    }

    private static HistoryVerification broken(String code, List<HistoryEntry> history, int seq, String problem) {
        return new HistoryVerification(code, false, history.size(), seq, "Entry " + seq + " " + problem);
    }
}
