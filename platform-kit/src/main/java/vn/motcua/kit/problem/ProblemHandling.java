package vn.motcua.kit.problem;

import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import vn.motcua.kit.realm.RealmUnavailable;

/** Turns every error of a service into problem+json with a stable {@code type}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandling extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status());
        problem.headers().forEach((name, value) -> response.header(name, value));
        return response.body(problem.toProblemDetail());
    }

    /**
     * Left to Spring Security, which answers 401 to an anonymous caller and 403 to an
     * authenticated one (both as problem+json, see SecurityKitConfiguration).
     */
    @ExceptionHandler(AccessDeniedException.class)
    void accessDenied(AccessDeniedException e) {
        throw e;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                .toList();
        return apiProblem(ApiProblem.badRequest("validation-failed", "The request has invalid values").with("errors", errors));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleUpdate(OptimisticLockingFailureException e) {
        return apiProblem(ApiProblem.conflict("concurrent-update",
                "Someone else changed this resource at the same time; read it again and retry"));
    }

    /**
     * The database cannot be reached just now (restarting, failing over): the same request may
     * succeed in a moment, so 503 with Retry-After, not a 500 that says the request itself broke
     * something. A retry with the same Idempotency-Key never creates twice.
     */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<ProblemDetail> storageUnavailable(Exception e) {
        log.warn("The database is unreachable: {}", e.getMessage());
        return apiProblem(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable", "Service unavailable",
                "The service cannot reach its database just now; retry in a few seconds").withHeader(HttpHeaders.RETRY_AFTER, "2"));
    }

    /**
     * The realm's directory cannot answer just now (an assignment checks its specialist there): 503 with Retry-After, as
     * for the database, since the same request may succeed in a moment.
     */
    @ExceptionHandler(RealmUnavailable.class)
    ResponseEntity<ProblemDetail> realmUnavailable(RealmUnavailable e) {
        log.warn("The realm is unreachable: {}", e.getMessage());
        return apiProblem(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "realm-unavailable", "Service unavailable",
                "The service cannot reach the directory of staff just now; retry in a few seconds")
                .withHeader(HttpHeaders.RETRY_AFTER, "5"));
    }

    /**
     * A body that says it is multipart but is not (no boundary, cut short): the kit reads every such
     * body once the endpoint's role rule has passed ({@code ParametersAsDeclared}), so this reaches
     * every endpoint, not only uploads.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        return apiProblem(Causes.find(e, BodyTooLarge.class).map(BodyTooLarge::problem).orElseGet(() -> ApiProblem.badRequest(
                "malformed-multipart", "The request body is not well-formed multipart/form-data (its boundary or parts)")));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> malformedQuery(InvalidParameterException e) {
        return apiProblem(UnreadableRequests.malformedQuery(e).orElseThrow());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (UnreadableRequests.bodyUnread(e)) {
            // Tomcat has answered the caller already (400, 408), or the caller is gone: nothing failed here.
            log.debug("The caller's request body could not be read: {}", e.toString());
            return null;
        }
        if (StorageAway.causedIt(e)) {
            return storageUnavailable(e);
        }
        Optional<ApiProblem> raised = Causes.find(e, ApiProblem.class);
        if (raised.isPresent()) {
            // Raised where the container wraps what it throws (writing a proxied answer): the problem meant for the caller.
            return apiProblem(raised.get());
        }
        log.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; quote the correlation id when reporting it");
        problem.setType(ApiProblem.typeOf("internal-error"));
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ApiProblem.badRequest("validation-failed", "The request has invalid values")
                .with("errors", errors).toProblemDetail();
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", result.getMethodParameter().getParameterName() == null ? "" : result.getMethodParameter().getParameterName(),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = ApiProblem.badRequest("validation-failed", "The request has invalid values")
                .with("errors", errors).toProblemDetail();
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof BodyTooLarge tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge.problem().toProblemDetail());
        }
        if (cause instanceof ValueNotAccepted refused) {
            return ResponseEntity.badRequest().body(refused.problem().toProblemDetail());
        }
        Optional<String> repeated = DuplicateFields.nameIn(cause);
        if (repeated.isPresent()) {
            return ResponseEntity.badRequest().body(ApiProblem.badRequest("duplicate-field",
                    "The request body gives the field " + repeated.get() + " more than once; send it once")
                    .with("field", repeated.get()).toProblemDetail());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPropertyName();
            return ResponseEntity.badRequest().body(ApiProblem.badRequest("unknown-field",
                    "The request body has a field this API does not take: " + field).with("field", field)
                    .toProblemDetail());
        }
        // A value of the wrong kind, or a number too large for its field (99999999999 for a whole number of grams).
        if (cause instanceof JacksonException reading && !reading.getPath().isEmpty()
                && (reading instanceof MismatchedInputException || reading instanceof InputCoercionException)) {
            String field = ValueNotAccepted.pathOf(reading);
            return ResponseEntity.badRequest().body(ApiProblem.badRequest("malformed-body", "The request body" + whatIsWrongWith(field, reading))
                    .with("field", field).toProblemDetail());
        }
        return ResponseEntity.badRequest()
                .body(ApiProblem.badRequest("malformed-body", "The request body is not valid JSON of the expected shape").toProblemDetail());
    }

    /**
     * What is wrong with a field of the body. A number or a yes/no left out is read as null, which such a field cannot hold,
     * and Jackson says so only in its message: "does not hold a value of its type" sent callers looking for a wrong value
     * in a field they had not sent.
     */
    private static String whatIsWrongWith(String field, JacksonException reading) {
        Class<?> type = reading instanceof MismatchedInputException mismatched ? mismatched.getTargetType()
                : reading instanceof InputCoercionException outOfRange ? outOfRange.getTargetType() : null;
        if (type != null) {
            if (type.isPrimitive() && String.valueOf(reading.getOriginalMessage()).startsWith("Cannot map `null`")) {
                return " lacks the field " + field + ", or gives it null; it needs a value";
            }
            String described = described(type);
            if (described != null) {
                return "'s field " + field + " must be " + described + asJsonWritesIt(type);
            }
        }
        return "'s field " + field + " does not hold a value of its type";
    }

    /** How a body's JSON writes a value of this type: the look-alikes are refused (RequestBodies). */
    private static String asJsonWritesIt(Class<?> type) {
        if (isWholeNumber(type)) {
            return ", written as a JSON number: no quotes, no fraction";
        }
        if (Number.class.isAssignableFrom(type)) {
            return ", written as a JSON number without quotes";
        }
        if (type == boolean.class || type == Boolean.class) {
            return ", written without quotes";
        }
        return Temporal.class.isAssignableFrom(type) ? ", as JSON text" : "";
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : ex.getPropertyName();
        if (name == null) {
            return super.handleTypeMismatch(ex, headers, status, request);
        }
        // The value is not echoed: it is whatever the caller sent, and may be hostile text.
        Class<?> type = ex.getRequiredType();
        String repeated = "";
        if (ex instanceof MethodArgumentTypeMismatchException argument && type != null && Collection.class.isAssignableFrom(type)) {
            // A parameter given several times (?status=2&status=4): what each of its values must be.
            type = ResolvableType.forMethodParameter(argument.getParameter()).asCollection().resolveGeneric(0);
            repeated = ", each time it is given";
        }
        return ResponseEntity.badRequest().body(ApiProblem.badRequest("bad-parameter",
                "The parameter " + name + " must be " + expected(type) + repeated).with("field", name).toProblemDetail());
    }

    private static String expected(Class<?> type) {
        String described = type == null ? null : described(type);
        return described == null ? "a value of its type" : described;
    }

    /** What a value of this type is, in a caller's words; null for a type the API's fields and parameters do not take. */
    private static String described(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "a date written YYYY-MM-DD, in the years 0001 to 9999";
        }
        if (type == Instant.class) {
            return "an instant written in ISO 8601 with its offset, such as 2026-12-07T01:00:00Z";
        }
        if (type == LocalTime.class) {
            return "a time of day written HH:MM";
        }
        if (isWholeNumber(type)) {
            return "a whole number within range";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return type == boolean.class || type == Boolean.class ? "true or false" : null;
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(ApiProblem.badRequest("missing-parameter",
                "The parameter " + ex.getParameterName() + " is required").with("field", ex.getParameterName())
                .toProblemDetail());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(ApiProblem.badRequest("missing-part",
                "The multipart body has no part named " + ex.getRequestPartName() + ", which is required")
                .with("field", ex.getRequestPartName()).toProblemDetail());
    }

    /** A path no endpoint maps. Spring's own detail spoke of a "static resource", which this API has none of. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiProblem.noEndpoint().toProblemDetail());
    }

    /** Spring's own answers (a wrong media type, a missing part) get a type like every other: null was left out. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ApiProblem.typeOf("http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
