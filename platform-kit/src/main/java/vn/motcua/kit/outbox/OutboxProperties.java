package vn.motcua.kit.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize documents taken per relay round
 * @param leaseTtl how long a relay instance keeps the publishing lease without renewing it
 */
@ConfigurationProperties("motcua.outbox")
public record OutboxProperties(Integer batchSize, Duration leaseTtl) {
    public OutboxProperties {
        batchSize = batchSize == null ? 100 : batchSize;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(10) : leaseTtl;
    }
}
