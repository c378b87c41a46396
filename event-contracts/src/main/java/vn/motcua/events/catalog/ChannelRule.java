package vn.motcua.events.catalog;

/** Which channels the counter takes a dossier on, under a channel policy. */
public enum ChannelRule {
    /** The decree's default: the applicant chooses online, in person or by post. */
    APPLICANT_CHOOSES,
    /**
     * An emergency rule (the 2020 COVID directives): procedures online at level 3/4 are not taken in
     * person, except those on the urgent list.
     */
    ONLINE_FIRST
}
