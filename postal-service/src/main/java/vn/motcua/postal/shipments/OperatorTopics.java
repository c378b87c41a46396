package vn.motcua.postal.shipments;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import vn.motcua.events.Topics;
import vn.motcua.postal.tracking.TrackingRanges;

/** Each operator that carries shipments reads what is asked of it on a topic of its own, made here at start. */
@Configuration(proxyBeanMethods = false)
class OperatorTopics {

    @Bean
    KafkaAdmin.NewTopics postalOperatorTopics(TrackingRanges ranges, @Value("${motcua.kafka.partitions:3}") int partitions,
            @Value("${motcua.kafka.replication-factor:1}") short replication) {
        return new KafkaAdmin.NewTopics(ranges.operators().stream()
                .map(operator -> new NewTopic(Topics.ofPostalOperator(operator), partitions, replication))
                .toArray(NewTopic[]::new));
    }
}
