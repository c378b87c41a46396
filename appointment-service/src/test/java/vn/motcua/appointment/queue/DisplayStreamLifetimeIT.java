package vn.motcua.appointment.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.appointment.ReferenceDataMother.SMALL_OFFICE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.RawAnswer;

/**
 * A screen's stream at the end of its lifetime: the browser opens a new one by itself, so the end is
 * routine and must look so, to the screen (a stream ended properly) and to the operators (no warning
 * in the log for every screen every half hour).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motcua.appointment.display-lifetime=PT2S")
@InfrastructureTest
@ExtendWith(OutputCaptureExtension.class)
class DisplayStreamLifetimeIT {
    @LocalServerPort
    int port;

    @Test
    void aStreamThatOutlivesItsLifetimeEndsProperlyAndQuietly(CapturedOutput output) {
        int before = output.getOut().length();
        RawAnswer stream = RawAnswer.send(port, "/api/v1/public/offices/" + SMALL_OFFICE + "/display",
                "Accept: text/event-stream", "Connection: close");

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.body()).contains("event:board");
        assertThat(stream.chunkedToItsEnd()).as("the stream's last chunk").isTrue();
        assertThat(output.getOut().substring(before)).doesNotContain(" WARN ").doesNotContain(" ERROR ");
    }
}
