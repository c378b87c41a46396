package vn.motcua.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeldWorkTest {
    @Test
    void heldWorkIsTheSumOfTheHeldWorkGaugesOverEveryLabelSetAndNothingElse() {
        String exposition = """
                # HELP motcua_outbox_handoffs_active Writes whose events are being published now, queued or running
                # TYPE motcua_outbox_handoffs_active gauge
                motcua_outbox_handoffs_active{application="notification-service"} 3.0
                # HELP motcua_outbox_pending Events older than the hand-off found waiting by the last safety-net round
                motcua_outbox_pending{application="notification-service"} 7.0
                motcua_notification_sends_active{application="notification-service"} 12.0
                motcua_notification_sends_active_total{application="notification-service"} 40.0
                jvm_threads_live_threads{application="notification-service"} 55.0
                """;

        assertThat(HeldWork.count(exposition)).isEqualTo(15);
    }

    @Test
    void anInstanceWithoutTheGaugesHoldsNothing() {
        assertThat(HeldWork.count("# TYPE jvm_threads_live_threads gauge\njvm_threads_live_threads 55.0\n")).isZero();
    }
}
