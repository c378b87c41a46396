package vn.motcua.kit.time;

import java.time.ZoneId;

/** The civil time the platform's days are counted in: a business day, a statement's day, a receipt's year. */
public final class CivilTime {
    /** Việt Nam (UTC+7, no daylight saving), as the directives' days and office hours are meant. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private CivilTime() {
    }
}
