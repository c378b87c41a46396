package vn.motcua.appointment.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.appointment.ReferenceDataMother.SMALL_OFFICE;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.offices.Offices;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.testinfra.InfrastructureTest;

/**
 * The page the waiting-room TV opens, in a real headless Chromium against the running service: it
 * shows the office, then, pushed over Server-Sent Events, the number an officer calls and its counter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
class WaitingRoomScreenIT {
    @LocalServerPort
    int port;
    @Autowired
    QueueDesk queue;
    @Autowired
    Offices offices;

    @Test
    void theTvPageShowsTheNumberCalledAndItsCounterAsSoonAsItIsCalled() throws Exception {
        Office office = offices.byId(SMALL_OFFICE).orElseThrow();
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open("http://127.0.0.1:" + port + "/api/v1/public/offices/" + SMALL_OFFICE + "/screen");
            assertThat(browser.awaitValue("document.getElementById('office').textContent", office.name(), Duration.ofSeconds(20)))
                    .isEqualTo(office.name());

            String number = queue.walkIn(office, VisitPurpose.GUIDANCE, null, null, null, UUID.randomUUID().toString()).number();
            String called = "";
            for (int i = 0; i < 300 && !called.equals(number); i++) {
                called = callNext(office);
                if (!called.equals(number)) {
                    queue.serve(office, called, "officer1");
                }
            }
            assertThat(called).isEqualTo(number);

            assertThat(browser.awaitValue("document.getElementById('number').textContent", number, Duration.ofSeconds(20)))
                    .isEqualTo(number);
            assertThat(browser.evaluate("document.getElementById('counter').textContent"))
                    .isEqualTo("Mời đến " + office.counter(queue.ticket(office, number).counterId()).orElseThrow().name());
            assertThat(browser.evaluate("document.body.innerText")).contains("Mời công dân có số").doesNotContain("citizenId");
            queue.serve(office, number, "officer1");
        }
    }

    private String callNext(Office office) {
        for (String counter : new String[] {"Q1", "Q2"}) {
            try {
                return queue.callNext(office, counter).number();
            } catch (ApiProblem roomFullOrClosed) {
                // The other counter may take it.
            }
        }
        throw new AssertionError("Neither counter of " + office.id() + " could call");
    }
}
