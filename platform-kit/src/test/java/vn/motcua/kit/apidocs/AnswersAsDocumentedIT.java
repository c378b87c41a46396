package vn.motcua.kit.apidocs;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.testapp.KitTestApplication;
import vn.motcua.testinfra.InfrastructureTest;

/**
 * Every service's MockMvc answers are held to the service's own API document (the test
 * infrastructure's AnswersAsDocumented): an answer its operation does not list fails the test that
 * got it, as it would break a portal's client generated from the document.
 */
@SpringBootTest(classes = {KitTestApplication.class, AnswersAsDocumentedIT.Notes.class},
        properties = {"spring.application.name=kit-documented-answers-test", "motcua.security.public-paths=/api/v1/kit-notes/**"})
@AutoConfigureMockMvc
@InfrastructureTest
class AnswersAsDocumentedIT {
    @Autowired
    MockMvc mvc;

    record Note(String id) {
    }

    @RestController
    static class Notes {
        /** A read: its document lists no 409, since the kit documents conflicts on changes only. */
        @GetMapping("/api/v1/kit-notes/{id}")
        ResponseEntity<Note> note(@PathVariable String id) {
            return switch (id) {
                case "conflict" -> ResponseEntity.status(HttpStatus.CONFLICT).build();
                case "gone" -> throw ApiProblem.notFound("Note", id);
                default -> ResponseEntity.ok(new Note(id));
            };
        }

        @ApiResponse(responseCode = "201", description = "Added")
        @PostMapping("/api/v1/kit-notes")
        ResponseEntity<Void> add() {
            return ResponseEntity.created(URI.create("/api/v1/kit-nowhere/1")).build();
        }
    }

    @Test
    void anAnswerItsOperationListsPasses() {
        assertThatCode(() -> {
            mvc.perform(get("/api/v1/kit-notes/n1"));
            mvc.perform(get("/api/v1/kit-notes/gone"));
        }).doesNotThrowAnyException();
    }

    @Test
    void anAnswerItsOperationDoesNotListFailsTheTest() {
        assertThatThrownBy(() -> mvc.perform(get("/api/v1/kit-notes/conflict"))).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("GET /api/v1/kit-notes/{id} answered 409; its document lists");
    }

    @Test
    void aCreationWhoseLocationNoDocumentedGetReadsFailsTheTest() {
        assertThatThrownBy(() -> mvc.perform(post("/api/v1/kit-notes"))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("answered 201 with Location /api/v1/kit-nowhere/1, which no documented GET reads");
    }
}
