package vn.motcua.events.dossier;

/** One fee of a procedure: kind is PHI or LE_PHI; amount in Vietnamese đồng. */
public record FeeLine(String kind, long amount) {
}
