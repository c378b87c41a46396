package vn.motcua.kit.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.events.Topics;
import vn.motcua.kit.deadletter.DeadLetters;
import vn.motcua.kit.deadletter.DeadLettersController;
import vn.motcua.kit.problem.StorageAway;

/**
 * Kafka plumbing shared by every service: topics (with their dead-letter twins), retries
 * with back-off then the dead-letter topic (but no end to the retries while the database is
 * away), and correlation ids from record headers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(KafkaTemplate.class)
public class MessagingKitConfiguration {

    @Bean
    KafkaAdmin.NewTopics motcuaTopics(@Value("${motcua.kafka.partitions:3}") int partitions,
            @Value("${motcua.kafka.replication-factor:1}") short replication) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, partitions, replication));
            topics.add(new NewTopic(Topics.deadLetterOf(topic), 1, replication));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    CommonErrorHandler retryThenDeadLetter(KafkaTemplate<String, String> template,
            @Value("${motcua.kafka.retry.attempts:4}") int attempts,
            @Value("${motcua.kafka.retry.initial-interval:500ms}") Duration initial,
            @Value("${motcua.kafka.retry.max-interval:5s}") Duration max,
            @Value("${motcua.kafka.retry.storage-away-interval:2s}") Duration whileStorageAway) {
        DeadLetterPublishingRecoverer deadLetter = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), 0));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(attempts);
        backOff.setInitialInterval(initial.toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(max.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetter, backOff);
        handler.addNotRetryableExceptions(UnreadableEvent.class);
        // The database away is no fault of the event: parking it would apply the dossier's later events
        // before it, and every event read meanwhile would be parked too. Keep trying it, in order.
        FixedBackOff untilStorageIsBack = new FixedBackOff(whileStorageAway.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS);
        handler.setBackOffFunction((record, failure) -> StorageAway.causedIt(failure) ? untilStorageIsBack : null);
        return handler;
    }

    @Bean
    RecordInterceptor<Object, Object> correlationRecordInterceptor() {
        return new CorrelationRecordInterceptor();
    }

    @Bean
    EventReader eventReader(JsonMapper json) {
        return new EventReader(json);
    }

    @Bean
    Subscriptions subscriptions(EventReader reader, ObjectProvider<EventSubscriber> subscribers) {
        Subscriptions subscriptions = new Subscriptions(reader);
        subscribers.orderedStream().forEach(subscriber -> subscriber.subscribe(subscriptions));
        return subscriptions;
    }

    /** Consumers and dead letters, in the services that keep data. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    static class Consumers {
        @Bean
        DeadLetters deadLetters(MongoTemplate mongo, Subscriptions subscriptions,
                @Value("${spring.kafka.consumer.group-id}") String group, Clock clock) {
            return new DeadLetters(mongo, subscriptions, group, clock);
        }

        @Bean
        DeadLettersController deadLettersController(DeadLetters deadLetters) {
            return new DeadLettersController(deadLetters);
        }

        @Bean
        @SuppressWarnings("unchecked")
        EventListeners eventListeners(ConcurrentKafkaListenerContainerFactory<?, ?> factory, Subscriptions subscriptions,
                DeadLetters deadLetters) {
            return new EventListeners((ConcurrentKafkaListenerContainerFactory<String, String>) factory, subscriptions,
                    deadLetters);
        }
    }
}
