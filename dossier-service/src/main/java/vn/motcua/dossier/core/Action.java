package vn.motcua.dossier.core;

import static vn.motcua.dossier.core.NationalStatus.FINANCIAL_OBLIGATION_REQUESTED;
import static vn.motcua.dossier.core.NationalStatus.NEWLY_REGISTERED;
import static vn.motcua.dossier.core.NationalStatus.PROCESSING;
import static vn.motcua.dossier.core.NationalStatus.RECEIVED;
import static vn.motcua.dossier.core.NationalStatus.RESULT_READY;
import static vn.motcua.dossier.core.NationalStatus.SUPPLEMENT_REQUESTED;

import java.util.EnumSet;
import java.util.Set;

/** What can happen to a dossier, and in which statuses it may happen: the legal transitions. */
public enum Action {
    REGISTER(EnumSet.noneOf(NationalStatus.class)),
    RECEIVE(EnumSet.of(NEWLY_REGISTERED)),
    REFUSE(EnumSet.of(NEWLY_REGISTERED)),
    /** Form 02 at reception: the dossier is incomplete, the one-stop officer lists what to add. */
    REQUEST_INTAKE_SUPPLEMENT(EnumSet.of(NEWLY_REGISTERED)),
    /**
     * To a specialist: processing starts (2 to 4), or a dossier a specialist holds passes to another, paused or not
     * (ADR 0060); the status then stays.
     */
    ASSIGN(EnumSet.of(RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, FINANCIAL_OBLIGATION_REQUESTED)),
    REQUEST_SUPPLEMENT(EnumSet.of(PROCESSING)),
    SUPPLEMENT(EnumSet.of(SUPPLEMENT_REQUESTED)),
    REQUEST_FINANCIAL_OBLIGATION(EnumSet.of(PROCESSING)),
    MEET_FINANCIAL_OBLIGATION(EnumSet.of(FINANCIAL_OBLIGATION_REQUESTED)),
    APPROVE(EnumSet.of(PROCESSING)),
    /** The specialist submits the draft result to the leaders for approval (ADR 0055); the status stays. */
    REQUEST_APPROVAL(EnumSet.of(PROCESSING)),
    /** The leader sends the draft back to the specialist with what to revise (ADR 0052); the status stays. */
    REQUEST_REVISION(EnumSet.of(PROCESSING)),
    MARK_RESULT_READY(EnumSet.of(PROCESSING)),
    RETURN_RESULT(EnumSet.of(RESULT_READY)),
    /** The postal operator could not deliver the result: it waits at the counter instead. */
    RESULT_BACK_FROM_POST(EnumSet.of(RESULT_READY)),
    STOP(EnumSet.copyOf(NationalStatus.IN_HAND)),
    WITHDRAW(EnumSet.of(NEWLY_REGISTERED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, FINANCIAL_OBLIGATION_REQUESTED)),
    EXTEND_DUE_DATE(EnumSet.copyOf(NationalStatus.IN_HAND)),
    /**
     * Its uploader takes a file back: the applicant's side before the agency has looked at it (before reception, or,
     * asked to supplement, a file added since); staff while the agency holds the dossier and may add files (the dossier
     * checks who and which file).
     */
    REMOVE_DOCUMENT(EnumSet.of(NEWLY_REGISTERED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED)),
    /**
     * Staff show one of the agency's internal files to the applicant (ADR 0051): while the agency holds the dossier and
     * may add files, as a file shown is one of the dossier's papers.
     */
    SHARE_DOCUMENT(EnumSet.of(NEWLY_REGISTERED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED)),
    /** To the successor of a dissolved agency (ops): open dossiers only, nothing else changes. */
    TRANSFER(EnumSet.of(NEWLY_REGISTERED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, FINANCIAL_OBLIGATION_REQUESTED)),
    FLAG_AT_RISK(EnumSet.copyOf(NationalStatus.CLOCK_RUNNING)),
    FLAG_OVERDUE(EnumSet.copyOf(NationalStatus.CLOCK_RUNNING));

    private final Set<NationalStatus> allowedFrom;

    Action(Set<NationalStatus> allowedFrom) {
        this.allowedFrom = allowedFrom;
    }

    public boolean allowedFrom(NationalStatus status) {
        return allowedFrom.contains(status);
    }
}
