package vn.motcua.appointment.queue;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.offices.Offices;
import vn.motcua.kit.problem.ApiProblem;

/** The waiting-room screen: public, numbers and counts only. */
@RestController
class DisplayController {
    private final Offices offices;
    private final DisplayFeed feed;
    private final String screenPage;

    DisplayController(Offices offices, DisplayFeed feed) {
        this.offices = offices;
        this.feed = feed;
        try (InputStream in = new ClassPathResource("screen/waiting-room.html").getInputStream()) {
            this.screenPage = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the waiting-room page", e);
        }
    }

    @Operation(summary = "Server-Sent Events of the numbers being called, with counters and counts (event 'board'; no names)")
    @GetMapping(path = "/api/v1/public/offices/{officeId}/display", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter display(@PathVariable String officeId) {
        return feed.connect(office(officeId));
    }

    @Operation(summary = "The board once, as JSON, for screens that cannot hold a stream open")
    @GetMapping("/api/v1/public/offices/{officeId}/board")
    DisplayFeed.Board board(@PathVariable String officeId) {
        return feed.board(office(officeId));
    }

    @Operation(summary = "The page the waiting-room TV opens: large Vietnamese text, reconnecting by itself")
    @GetMapping(path = "/api/v1/public/offices/{officeId}/screen", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> screen(@PathVariable String officeId) {
        office(officeId);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(screenPage);
    }

    private Office office(String officeId) {
        return offices.byId(officeId).orElseThrow(() -> ApiProblem.notFound("Office", officeId));
    }
}
