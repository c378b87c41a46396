package vn.motcua.events.appointment;

/** Why a citizen comes to the counter. */
public enum VisitPurpose {
    /** Hand in a paper dossier for a procedure the counter takes in person. */
    HAND_IN,
    /** Collect the result of a dossier at status 9 whose result goes to the counter. */
    COLLECT_RESULT,
    /** Get guidance on a dossier. */
    GUIDANCE
}
