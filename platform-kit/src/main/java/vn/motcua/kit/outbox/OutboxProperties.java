package vn.motcua.kit.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize documents taken per safety-net round and collection
 * @param leaseTtl how long a relay instance keeps the safety-net lease without renewing it
 * @param claimTtl how long an instance may take to publish one document's events before another
 *     may take over (after a crash)
 * @param minAge how old waiting events must be before the safety net takes them: younger ones are
 *     being published by the instance that wrote them
 * @param quietInterval how long the safety net waits between rounds while nothing needs it (its
 *     last round found nothing and no hand-off of this instance failed): on the MongoDB wire
 *     server each round scans the collection, 41 % of a core for 100,000 dossiers every 5 s
 */
@ConfigurationProperties("motcua.outbox")
public record OutboxProperties(Integer batchSize, Duration leaseTtl, Duration claimTtl, Duration minAge,
        Duration quietInterval) {
    public OutboxProperties {
        batchSize = batchSize == null ? 100 : batchSize;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(10) : leaseTtl;
        claimTtl = claimTtl == null ? Duration.ofSeconds(30) : claimTtl;
        minAge = minAge == null ? Duration.ofSeconds(3) : minAge;
        quietInterval = quietInterval == null ? Duration.ofMinutes(1) : quietInterval;
    }

    /** For tests that drive the safety net themselves: no minimum age. */
    public static OutboxProperties immediate(int batchSize, Duration leaseTtl) {
        return new OutboxProperties(batchSize, leaseTtl, Duration.ofSeconds(30), Duration.ZERO, null);
    }
}
