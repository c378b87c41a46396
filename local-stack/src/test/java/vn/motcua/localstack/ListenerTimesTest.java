package vn.motcua.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListenerTimesTest {
    private static final Instant START = Instant.parse("2026-12-03T11:12:00Z");

    @Test
    void eachEventsThreadShowsItsRateItsMeanAndItsShareOfTheClockBetweenTwoLooks() {
        ListenerTimes.Snapshot before = ListenerTimes.parse(START, exposition(100, 2.0, 5, 0.5, 40, 1.0));
        ListenerTimes.Snapshot after = ListenerTimes.parse(START.plusSeconds(10), exposition(180, 4.0, 7, 1.0, 140, 9.0));

        assertThat(ListenerTimes.between(before, after)).containsExactly(
                // 80 handled and 2 attempts failed: 82 timed in 2.5 s of handling, over 10 s
                "thread 0: 8.2 records/s, 30 ms each, busy 25 %, 2 attempts failed",
                "thread 1: 10.0 records/s, 80 ms each, busy 80 %");
    }

    @Test
    void theDeadLetterConsumersAndOtherTimersAreLeftOut() {
        String exposition = """
                spring_kafka_listener_seconds_count{application="notification-service",exception="none",name="motcua-dead-letters-0",result="success"} 9
                spring_kafka_listener_seconds_sum{application="notification-service",exception="none",name="motcua-dead-letters-0",result="success"} 3.0
                http_server_requests_seconds_count{method="GET",uri="/x"} 4
                """;

        assertThat(ListenerTimes.parse(START, exposition).byThread()).isEmpty();
    }

    private static String exposition(int records0, double seconds0, int failed0, double failedSeconds0, int records1,
            double seconds1) {
        return """
                # HELP spring_kafka_listener_seconds Kafka Listener Timer
                # TYPE spring_kafka_listener_seconds summary
                spring_kafka_listener_seconds_count{application="notification-service",exception="none",name="motcua-events-0",result="success"} %d
                spring_kafka_listener_seconds_sum{application="notification-service",exception="none",name="motcua-events-0",result="success"} %s
                spring_kafka_listener_seconds_count{application="notification-service",exception="ListenerExecutionFailedException",name="motcua-events-0",result="failure"} %d
                spring_kafka_listener_seconds_sum{application="notification-service",exception="ListenerExecutionFailedException",name="motcua-events-0",result="failure"} %s
                spring_kafka_listener_seconds_count{application="notification-service",exception="none",name="motcua-events-1",result="success"} %d
                spring_kafka_listener_seconds_sum{application="notification-service",exception="none",name="motcua-events-1",result="success"} %s
                """.formatted(records0, seconds0, failed0, failedSeconds0, records1, seconds1);
    }
}
