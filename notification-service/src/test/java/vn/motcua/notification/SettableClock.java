package vn.motcua.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import vn.motcua.kit.time.CivilTime;

/**
 * The system clock, unless a test sets the time (quiet hours at 22:30). A run that falls in Hà
 * Nội's night sees the clock twelve hours on, in the day: a test that does not set the time expects
 * messages to phones to go at once, and quiet hours (21:00–07:00) would hold them whenever CI
 * happens to run in the evening.
 */
public final class SettableClock extends Clock {
    private static final Duration INTO_THE_DAY = intoTheDay(Instant.now());
    private volatile Instant fixed;

    static Duration intoTheDay(Instant now) {
        int hour = now.atZone(CivilTime.VIETNAM).getHour();
        return hour >= 8 && hour < 20 ? Duration.ZERO : Duration.ofHours(12);
    }

    public void set(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now().plus(INTO_THE_DAY) : at;
    }
}
