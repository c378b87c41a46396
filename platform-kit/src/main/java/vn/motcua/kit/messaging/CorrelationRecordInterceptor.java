package vn.motcua.kit.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;
import vn.motcua.events.CloudEventHeaders;
import vn.motcua.kit.correlation.Correlation;

/** Carries an event's correlation id into the consumer's logs and into the events it causes. */
public class CorrelationRecordInterceptor implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        Correlation.set(EventReader.header(record, CloudEventHeaders.CORRELATION_ID));
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        Correlation.clear();
    }
}
