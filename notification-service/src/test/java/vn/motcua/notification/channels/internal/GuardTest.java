package vn.motcua.notification.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import vn.motcua.notification.channels.ChannelProperties;
import vn.motcua.notification.channels.SendOutcome;

class GuardTest {

    @Test
    void aBurstBeyondTheProvidersRateWaitsItsTurnInsteadOfBeingPutOffToALaterRetry() throws Exception {
        Guard guard = new Guard("burst-provider", new ChannelProperties.Email(3, 4, Duration.ofSeconds(30)));
        ConcurrentLinkedQueue<Long> sentAt = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<SendOutcome> outcomes = new ConcurrentLinkedQueue<>();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            senders.add(Thread.ofVirtual().start(() -> outcomes.add(guard.call(() -> {
                sentAt.add(System.nanoTime());
                return new SendOutcome.Accepted("m", null, 0L);
            }))));
        }
        for (Thread sender : senders) {
            sender.join();
        }

        assertThat(outcomes).hasSize(9).allMatch(SendOutcome.Accepted.class::isInstance);
        long spanMillis = (sentAt.stream().mapToLong(Long::longValue).max().orElseThrow()
                - sentAt.stream().mapToLong(Long::longValue).min().orElseThrow()) / 1_000_000;
        assertThat(spanMillis).as("nine sends at three a second take at least two more refresh periods").isGreaterThan(1_000);
    }
}
