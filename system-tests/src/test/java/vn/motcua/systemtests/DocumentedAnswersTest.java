package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DocumentedAnswersTest {
    private static final String GATEWAY = "http://127.0.0.1:8080";
    private static final String DOCUMENT = """
            {"paths": {
              "/api/v1/dossiers": {"post": {"responses": {"201": {"content": {"application/json": {}}},
                "400": {"content": {"application/problem+json": {}}}}}},
              "/api/v1/dossiers/{code}/forms/{number}": {"get": {"responses": {"200": {"content": {"application/pdf": {}}}}}},
              "/api/v1/dossiers/{code}/forms/05.csv": {"get": {"responses": {"200": {"content": {"text/csv": {}}}}}},
              "/api/v1/dossiers/{code}/documents/{id}": {"delete": {"responses": {"204": {}}}},
              "/api/v1/procedures": {"get": {"responses": {"200": {"content": {"*/*": {}}}}}},
              "/api/v1/dossiers/{code}": {"get": {"responses": {"200": {"content": {"application/json": {}}}}}}
            }}""";

    private final DocumentedAnswers answers = DocumentedAnswers.from(GATEWAY, List.of(JsonMapper.builder().build().readTree(DOCUMENT)));

    @Test
    void aSuccessAsDocumentedPasses() {
        assertThatCode(() -> {
            answers.check("POST", uri("/api/v1/dossiers"), 201, "application/json", "{}");
            answers.check("GET", uri("/api/v1/dossiers/X-1/forms/01"), 200, "application/pdf", "%PDF-");
            answers.check("DELETE", uri("/api/v1/dossiers/X-1/documents/d1"), 204, "", "");
        }).doesNotThrowAnyException();
    }

    @Test
    void aCreationsLocationMustBeReadByADocumentedGet() {
        assertThatCode(() -> answers.checkLocation("POST", uri("/api/v1/dossiers"), "/api/v1/dossiers/X-1"))
                .doesNotThrowAnyException();
        assertThatCode(() -> answers.checkLocation("POST", uri("/api/v1/dossiers"), GATEWAY + "/api/v1/dossiers/X-1"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> answers.checkLocation("POST", uri("/api/v1/dossiers"), "/api/v1/tickets/A001"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no documented GET reads");
        // A DELETE is documented on the path, not a GET.
        assertThatThrownBy(() -> answers.checkLocation("POST", uri("/api/v1/dossiers"), "/api/v1/dossiers/X-1/documents/d1"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("/documents/d1");
    }

    @Test
    void aCreationAnsweredWithAStatusItsDocumentDoesNotListFails() {
        assertThatThrownBy(() -> answers.check("POST", uri("/api/v1/dossiers"), 200, "application/json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("POST /api/v1/dossiers answered 200");
    }

    @Test
    void theMostLiteralPathDecidesTheTypeAFileMustHave() {
        assertThatCode(() -> answers.check("GET", uri("/api/v1/dossiers/X-1/forms/05.csv"), 200, "text/csv;charset=UTF-8", "a,b"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> answers.check("GET", uri("/api/v1/dossiers/X-1/forms/05.csv"), 200, "application/pdf", "%PDF-"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("as application/pdf");
    }

    @Test
    void anAnswerOfAnyTypeOrAnUndocumentedBodyOrOperationFails() {
        assertThatThrownBy(() -> answers.check("GET", uri("/api/v1/procedures"), 200, "application/json", "[]"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("[*/*]");
        assertThatThrownBy(() -> answers.check("DELETE", uri("/api/v1/dossiers/X-1/documents/d1"), 204, "text/plain", "gone"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("says no body");
        assertThatThrownBy(() -> answers.check("PUT", uri("/api/v1/dossiers"), 200, "application/json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no API document has the operation");
    }

    @Test
    void aRefusalOfADocumentedOperationMustBeDocumentedAsAProblem() {
        assertThatCode(() -> answers.check("POST", uri("/api/v1/dossiers"), 400, "application/problem+json", "{}"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> answers.check("POST", uri("/api/v1/dossiers"), 429, "application/problem+json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("POST /api/v1/dossiers answered 429");
        assertThatThrownBy(() -> answers.check("POST", uri("/api/v1/dossiers"), 409, "application/problem+json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("POST /api/v1/dossiers answered 409");
        assertThatThrownBy(() -> answers.check("POST", uri("/api/v1/dossiers"), 400, "text/html", "<html>"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("as text/html");
    }

    @Test
    void aJsonAnswerThatNamesAMemberTwiceFails() {
        assertThatThrownBy(() -> answers.check("POST", uri("/api/v1/dossiers"), 400, "application/problem+json",
                "{\"type\": \"urn:motcua:problem:x\", \"status\": 400, \"status\": \"PICKED_UP\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("one value per member").hasMessageContaining("status");
        assertThatCode(() -> answers.check("POST", uri("/api/v1/dossiers"), 400, "application/problem+json",
                "{\"status\": 400, \"currentStatus\": \"PICKED_UP\"}")).doesNotThrowAnyException();
    }

    @Test
    void callsOutsideTheDocumentedOperationsAreLeftToTheTestsThatMakeThem() {
        assertThatCode(() -> {
            answers.check("PATCH", uri("/api/v1/dossiers"), 403, "application/problem+json", "{}");
            answers.check("GET", uri("/api/v1/nothing-here"), 404, "application/problem+json", "{}");
            answers.check("GET", uri("/actuator/health"), 200, "application/json", "{}");
            answers.check("POST", URI.create("http://127.0.0.1:8180/realms/motcua/protocol/openid-connect/token"), 200,
                    "application/json", "{}");
        }).doesNotThrowAnyException();
    }

    private static URI uri(String path) {
        return URI.create(GATEWAY + path);
    }
}
