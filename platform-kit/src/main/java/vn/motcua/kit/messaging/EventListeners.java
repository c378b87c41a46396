package vn.motcua.kit.messaging;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.FixedBackOff;
import vn.motcua.events.Topics;
import vn.motcua.kit.deadletter.DeadLetters;

/**
 * Two consumers for the whole service: one of every topic it subscribes to, handing records to
 * the typed {@link Subscriptions} (which dispatch by event type, whatever the topic), and one of
 * those topics' dead-letter twins, keeping this service's dead letters where ops can see and
 * re-drive them. The containers come from Boot's listener factory, so the kit's retries,
 * dead-letter publishing and correlation ids apply. A consumer per topic (two per topic with the
 * dead letters) had the broker answer some sixty idle fetches a second for the stack, at 12 % of
 * a core with no traffic (ADR 0010); records of one partition still arrive in order.
 */
public class EventListeners implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EventListeners.class);

    private final List<ConcurrentMessageListenerContainer<String, String>> containers = new ArrayList<>();
    private volatile boolean running;

    public EventListeners(ConcurrentKafkaListenerContainerFactory<String, String> factory, Subscriptions subscriptions,
            DeadLetters deadLetters) {
        List<String> topics = subscriptions.topics().stream().sorted().toList();
        if (topics.isEmpty()) {
            return;
        }
        ConcurrentMessageListenerContainer<String, String> events = factory.createContainer(topics.toArray(String[]::new));
        events.getContainerProperties().setMessageListener((MessageListener<String, String>) subscriptions::dispatch);
        events.setBeanName("motcua-events");
        containers.add(events);

        ConcurrentMessageListenerContainer<String, String> parked = factory.createContainer(
                topics.stream().map(Topics::deadLetterOf).toArray(String[]::new));
        parked.getContainerProperties().setMessageListener(
                (MessageListener<String, String>) (ConsumerRecord<String, String> record) -> deadLetters.park(record));
        // Parking must not itself dead-letter: while the database is away, keep trying the same record.
        parked.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(5_000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        // Dead letters are rare and each twin topic has one partition: one consumer takes them all.
        // The service's concurrency (six in the notification service) only added idle members that
        // every rebalance of the group waits for.
        parked.setConcurrency(1);
        parked.setBeanName("motcua-dead-letters");
        containers.add(parked);
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
        running = true;
        log.info("Listening to {}", containers.stream().map(c -> String.join(",", c.getContainerProperties().getTopics())).toList());
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Late, like Spring Kafka's own listener containers: after everything the handlers use has started. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
