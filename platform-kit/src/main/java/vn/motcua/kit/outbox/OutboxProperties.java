package vn.motcua.kit.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections the collections whose documents carry {@code pendingEvents}
 * @param batchSize documents taken per relay round
 * @param leaseTtl how long a relay instance keeps the publishing lease without renewing it
 */
@ConfigurationProperties("motcua.outbox")
public record OutboxProperties(List<String> collections, Integer batchSize, Duration leaseTtl) {
    public OutboxProperties {
        collections = collections == null ? List.of() : collections;
        batchSize = batchSize == null ? 100 : batchSize;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(10) : leaseTtl;
    }
}
