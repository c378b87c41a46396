package vn.motcua.dossier.core;

/** How close an open dossier is to its due date, as the deadline watch last found it. */
public enum DeadlineFlag {
    ON_TRACK, AT_RISK, OVERDUE
}
