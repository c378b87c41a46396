package vn.motcua.kit.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.problem.ProblemInstance;

/**
 * The container's own errors (a request the firewall or Tomcat refused, a path nothing maps)
 * answered as problem+json like every other error, instead of Spring's default JSON. Only the
 * container comes here; a caller who asks for the page by its address finds nothing, and the
 * API documents leave it out.
 */
@RestController
@Hidden
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            // Tomcat includes this page in an answer that failed after it began (see CommittedAnswers) and then closes
            // the connection: a problem written there would only run on after the partial body.
            return null;
        }
        HttpStatus status = statusOf(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detailFor(status));
        problem.setType(ApiProblem.typeOf(status.is5xxServerError() ? "internal-error" : "http-" + status.value()));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(ProblemInstance.of(request));
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * The status of the failure the container forwarded here. A request for this page by its address (GET /error) has
     * none: it was answered 500 "unexpected error", a server failure, to a request that can never succeed.
     */
    private static HttpStatus statusOf(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            return HttpStatus.NOT_FOUND;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detailFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed (its path, headers or encoding) and was refused";
            case NOT_FOUND -> ApiProblem.NO_ENDPOINT;
            case METHOD_NOT_ALLOWED -> "This method is not allowed here";
            case CONTENT_TOO_LARGE -> "The request is larger than this server takes";
            default -> status.is5xxServerError()
                    ? "An unexpected error occurred; quote the correlation id when reporting it"
                    : status.getReasonPhrase();
        };
    }
}
