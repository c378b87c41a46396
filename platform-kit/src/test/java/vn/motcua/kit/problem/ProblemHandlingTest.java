package vn.motcua.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.kit.realm.RealmAccount;
import vn.motcua.kit.realm.RealmStaff;
import vn.motcua.kit.realm.RealmUnavailable;

class ProblemHandlingTest {
    @Test
    void aMemberBesideTheStandardOnesCannotTakeOneOfTheirNames() {
        // A shipment's "status" beside the HTTP status was written twice into one object; a client kept the last.
        for (String standard : List.of("type", "title", "status", "detail", "instance")) {
            assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ApiProblem.conflict("x", "y").with(standard, "PICKED_UP")))
                    .as(standard).isNotNull();
        }
        assertThat(ApiProblem.conflict("x", "y").with("currentStatus", "PICKED_UP").toProblemDetail().getProperties())
                .containsEntry("currentStatus", "PICKED_UP");
    }

    @Test
    void anUnreachableDatabaseIsA503ToRetryNotA500() {
        ResponseEntity<ProblemDetail> answer = new ProblemHandling()
                .storageUnavailable(new DataAccessResourceFailureException("Prematurely reached end of stream"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(answer.getBody().getType()).isEqualTo(ApiProblem.typeOf("storage-unavailable"));
        assertThat(answer.getBody().getDetail()).doesNotContain("end of stream");
    }

    @Test
    void aRealmThatCannotBeReachedIsA503ToRetry() {
        // Nothing listens on port 1: the realm's directory is down.
        RealmStaff realm = new RealmStaff(new RealmAccount(URI.create("http://127.0.0.1:1"), "motcua", "dossier-service", "x",
                Duration.ofMinutes(5)), JsonMapper.builder().build(), Clock.systemUTC());
        RealmUnavailable down = catchThrowableOfType(RealmUnavailable.class, () -> realm.ofAgency("000.10.20.30.H29"));

        ResponseEntity<ProblemDetail> answer = new ProblemHandling().realmUnavailable(down);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getType()).isEqualTo(ApiProblem.typeOf("realm-unavailable"));
        assertThat(answer.getBody().getDetail()).doesNotContain("127.0.0.1");
    }

    @Test
    void aConnectionPoolTheDriverPausedIsA503ToRetryNotA500() {
        // What the notification service answered Zalo's webhook with 500 for, right after the database came back.
        Exception paused = new UncategorizedMongoDbException("Connection pool for 127.0.0.1:27017 is paused",
                new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), new ServerAddress()),
                        new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress())));

        ResponseEntity<ProblemDetail> answer = new ProblemHandling().unexpected(paused);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody().getType()).isEqualTo(ApiProblem.typeOf("storage-unavailable"));
        assertThat(StorageAway.causedIt(paused)).as("a consumer keeps its event instead of parking it").isTrue();
        assertThat(StorageAway.causedIt(new UncategorizedMongoDbException("$where is not allowed", null))).isFalse();
        assertThat(new ProblemHandling().unexpected(new IllegalStateException("a bug")).getStatusCode().value()).isEqualTo(500);
    }

    @Test
    void aBodyThatIsNotTheMultipartItClaimsIsTheClientsError() {
        ResponseEntity<ProblemDetail> noBoundary = new ProblemHandling().malformedMultipart(
                new MultipartException("Failed to parse multipart servlet request", new IOException("no multipart boundary was found")));
        ResponseEntity<ProblemDetail> cutAtTheLimit = new ProblemHandling().malformedMultipart(
                new MultipartException("Failed to parse multipart servlet request", new IOException("wrapped", new BodyTooLarge(9))));

        assertThat(noBoundary.getStatusCode().value()).isEqualTo(400);
        assertThat(noBoundary.getBody().getType()).isEqualTo(ApiProblem.typeOf("malformed-multipart"));
        assertThat(cutAtTheLimit.getStatusCode().value()).isEqualTo(413);
        assertThat(cutAtTheLimit.getBody().getType()).isEqualTo(ApiProblem.typeOf("body-too-large"));
    }

    /** A postal service, as a quote names it. */
    enum Service {
        EMS_STANDARD, EMS_EXPRESS
    }

    /** A parcel as the postal quote reads it: a whole number of grams, and a service. */
    record Parcel(int weightGrams, Service service) {
    }

    @Test
    void aNumberTooLargeForItsFieldIsNamedLikeAnyValueOfTheWrongKind() {
        JacksonException tooLarge = catchThrowableOfType(JacksonException.class,
                () -> JsonMapper.builder().build().readValue("{\"weightGrams\": 99999999999}", Parcel.class));

        ResponseEntity<Object> answer = new ProblemHandling().handleHttpMessageNotReadable(
                new HttpMessageNotReadableException("JSON parse error", tooLarge, new MockHttpInputMessage(new byte[0])),
                new HttpHeaders(), HttpStatus.BAD_REQUEST, null);

        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(problem.getDetail()).isEqualTo(
                "The request body's field weightGrams must be a whole number within range, written as a JSON number: no quotes, no fraction");
        assertThat(problem.getProperties()).containsEntry("field", "weightGrams");
    }

    @Test
    void aNumberLeftOutIsNamedAsMissingAndAnUnknownNameListsTheNamesTaken() {
        Map<String, String> detailOf = new LinkedHashMap<>();
        for (String body : List.of("{}", "{\"weightGrams\": null}", "{\"weightGrams\": [1]}",
                "{\"weightGrams\": 1, \"service\": \"EMS\"}")) {
            JacksonException unread = catchThrowableOfType(JacksonException.class,
                    () -> JsonMapper.builder().build().readValue(body, Parcel.class));
            ResponseEntity<Object> answer = new ProblemHandling().handleHttpMessageNotReadable(
                    new HttpMessageNotReadableException("JSON parse error", unread, new MockHttpInputMessage(new byte[0])),
                    new HttpHeaders(), HttpStatus.BAD_REQUEST, null);
            detailOf.put(body, ((ProblemDetail) answer.getBody()).getDetail());
        }

        assertThat(detailOf).containsExactly(
                entry("{}", "The request body lacks the field weightGrams, or gives it null; it needs a value"),
                entry("{\"weightGrams\": null}", "The request body lacks the field weightGrams, or gives it null; it needs a value"),
                entry("{\"weightGrams\": [1]}",
                        "The request body's field weightGrams must be a whole number within range, written as a JSON number: no quotes, no fraction"),
                entry("{\"weightGrams\": 1, \"service\": \"EMS\"}",
                        "The request body's field service must be one of EMS_STANDARD, EMS_EXPRESS"));
    }

    /** A work queue's filter: national status codes, the parameter repeated for several. */
    void workQueue(List<Integer> status) {
    }

    @Test
    void aRepeatableParameterSaysWhatEachOfItsValuesMustBe() throws Exception {
        MethodParameter status = new MethodParameter(ProblemHandlingTest.class.getDeclaredMethod("workQueue", List.class), 0);

        ResponseEntity<Object> answer = new ProblemHandling().handleTypeMismatch(
                new MethodArgumentTypeMismatchException("XYZ", List.class, "status", status, new NumberFormatException("XYZ")),
                new HttpHeaders(), HttpStatus.BAD_REQUEST, null);

        assertThat(((ProblemDetail) answer.getBody()).getDetail())
                .isEqualTo("The parameter status must be a whole number within range, each time it is given");
    }

    @Test
    void aProblemTheContainerWrappedIsAnsweredAsThatProblem() {
        // The gateway's problem for a service that broke off its answer comes wrapped in a ServletException.
        ApiProblem brokenOff = new ApiProblem(HttpStatus.BAD_GATEWAY, "answer-broken-off", "Bad gateway", "broke off");

        ResponseEntity<ProblemDetail> answer = new ProblemHandling().unexpected(new ServletException(brokenOff));

        assertThat(answer.getStatusCode().value()).isEqualTo(502);
        assertThat(answer.getBody().getType()).isEqualTo(ApiProblem.typeOf("answer-broken-off"));
    }
}
