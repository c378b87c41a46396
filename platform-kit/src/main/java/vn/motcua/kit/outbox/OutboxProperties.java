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
 */
@ConfigurationProperties("motcua.outbox")
public record OutboxProperties(Integer batchSize, Duration leaseTtl, Duration claimTtl, Duration minAge) {
    public OutboxProperties {
        batchSize = batchSize == null ? 100 : batchSize;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(10) : leaseTtl;
        claimTtl = claimTtl == null ? Duration.ofSeconds(30) : claimTtl;
        minAge = minAge == null ? Duration.ofSeconds(3) : minAge;
    }

    /** For tests that drive the safety net themselves: no minimum age. */
    public static OutboxProperties immediate(int batchSize, Duration leaseTtl) {
        return new OutboxProperties(batchSize, leaseTtl, Duration.ofSeconds(30), Duration.ZERO);
    }
}
