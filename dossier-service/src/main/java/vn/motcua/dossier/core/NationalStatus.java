package vn.motcua.dossier.core;

/** Dossier statuses with the codes used to synchronise with the national portal. */
public enum NationalStatus {
    NEWLY_REGISTERED(1),
    RECEIVED(2),
    NOT_ACCEPTED(3),
    PROCESSING(4),
    SUPPLEMENT_REQUESTED(5),
    FINANCIAL_OBLIGATION_REQUESTED(6),
    WITHDRAWN(7),
    STOPPED(8),
    RESULT_READY(9),
    RESULT_RETURNED(10);

    private final int code;

    NationalStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
