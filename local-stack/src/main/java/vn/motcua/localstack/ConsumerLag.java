package vn.motcua.localstack;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Every consumer group's lag on the stack's broker: the records written that the group has not committed yet. */
final class ConsumerLag implements AutoCloseable {
    private final Admin admin;

    ConsumerLag(StackConfig config) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "motcua-load-benchmark");
        this.admin = Admin.create(properties);
    }

    /** Lag summed over every partition a group has committed on, by group. */
    Map<String, Long> byGroup() {
        Map<String, Long> lag = new HashMap<>();
        byPartition().forEach((group, partitions) -> lag.put(group, partitions.values().stream().mapToLong(Long::longValue).sum()));
        return lag;
    }

    /** Each group's lag on every partition it has committed on. */
    Map<String, Map<TopicPartition, Long>> byPartition() {
        try {
            Map<String, Map<TopicPartition, Long>> lag = new HashMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                Map<TopicPartition, Long> behind = new HashMap<>();
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        behind.put(entry.getKey(), Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset()));
                    }
                }
                lag.put(group.groupId(), behind);
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading consumer lag", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read consumer lag: " + e.getCause(), e);
        }
    }

    /** The records every group together has not committed yet. */
    long total() {
        return byGroup().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Waits until every group is back to zero lag.
     *
     * @return how long that took, or null when some group still lagged after {@code within}
     */
    Duration awaitZero(Duration within) throws InterruptedException {
        return awaitZero(group -> true, within);
    }

    /** Like {@link #awaitZero(Duration)}, for the groups named so (e.g. the replay's fresh groups). */
    Duration awaitZero(Predicate<String> groups, Duration within) throws InterruptedException {
        long begin = System.nanoTime();
        while (true) {
            long total = byGroup().entrySet().stream().filter(e -> groups.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            Duration waited = Duration.ofNanos(System.nanoTime() - begin);
            if (total == 0) {
                return waited;
            }
            if (waited.compareTo(within) > 0) {
                return null;
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
