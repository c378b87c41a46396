package vn.motcua.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.testinfra.RawAnswer;

/**
 * An upload through the real gateway, over a real socket: the gateway passes the multipart body on
 * as it came, whatever its size up to the platform's upload limit; the service behind it reads it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadsPassedOnIT {
    private static final HttpServer ECHO = EchoService.start();

    @LocalServerPort
    int gatewayPort;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StandIns.everyServiceAt(registry, () -> EchoService.url(ECHO));
    }

    @AfterAll
    static void stop() {
        ECHO.stop(0);
    }

    @Test
    void aFileOfSeveralMegabytesIsPassedOnWholeAndUnchanged() throws Exception {
        byte[] file = new byte[4 * 1024 * 1024 + 17];
        new Random(42).nextBytes(file);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--zz\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nĐơn đề nghị\r\n--zz\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write("\r\n--zz--\r\n".getBytes(StandardCharsets.UTF_8));
        byte[] sent = body.toByteArray();

        RawAnswer answer = RawAnswer.exchange(gatewayPort, "POST /api/v1/public/uploads HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=zz\r\nContent-Length: " + sent.length
                + "\r\nConnection: close\r\n\r\n" + new String(sent, StandardCharsets.ISO_8859_1));

        // The gateway does not read the parts: the kit's multipart settings, which every service shares, must not reach it.
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"received\": " + sent.length)
                .contains("\"receivedCrc\": " + EchoService.crcOf(sent));
    }
}
