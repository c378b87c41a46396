package vn.motcua.events.dossier;

/** What a fee line's quantity counts. */
public enum FeeBasis {
    /** Once per dossier. */
    DOSSIER,
    /** Per copy of the result asked for. */
    COPY,
    /** Per page of the documents. */
    PAGE,
    /** An amount the specialist sets (the financial obligation of status 6). */
    SET_BY_OFFICER
}
