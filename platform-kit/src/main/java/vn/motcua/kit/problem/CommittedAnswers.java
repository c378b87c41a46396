package vn.motcua.kit.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.apache.coyote.CloseNowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * A failure after an answer's first bytes had left (a download, an export, a proxied answer the
 * service broke off): its status and part of its body are with the caller already, so no problem
 * can take their place. The problem {@link ProblemHandling} would write ran on after the partial
 * body and the answer was then ended properly: the caller got a 200 whose body was cut and had an
 * error appended, and could not tell. Instead the connection is closed before the answer's end
 * (Tomcat does so for an error that reaches it once the answer is committed), which every HTTP
 * client reports as a failed call. Runs before the exception handlers, and only for committed
 * answers.
 */
public class CommittedAnswers implements HandlerExceptionResolver, Ordered {
    private static final Logger log = LoggerFactory.getLogger(CommittedAnswers.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        // A request whose body Tomcat could not read looks committed too: Tomcat has chosen its answer (400, 408) and
        // suspended the response. That answer stands, as does the silence owed to a caller who went away.
        if (!response.isCommitted() || endsAStream(failure) || UnreadableRequests.bodyUnread(failure)) {
            return null;
        }
        String answer = request.getMethod() + " " + request.getRequestURI();
        if (Causes.find(failure, ApiProblem.class).isPresent()) {
            // Raised on purpose, by code that has said what went wrong.
            log.debug("The answer to {} is cut short: {}", answer, failure.getMessage());
        } else if (StorageAway.causedIt(failure)) {
            log.warn("The answer to {} is cut short, the database went away while it was written: {}", answer, failure.getMessage());
        } else {
            log.error("The answer to {} is cut short by an unexpected error", answer, failure);
        }
        return new ModelAndView(new ClosingTheConnection(failure));
    }

    /**
     * A stream of events (a waiting-room display) that outlived its time or whose screen went away: Spring ends it as
     * it should, and an event stream has no end a client could miss.
     */
    private static boolean endsAStream(Exception failure) {
        return failure instanceof AsyncRequestTimeoutException || failure instanceof AsyncRequestNotUsableException;
    }

    @Override
    public int getOrder() {
        // Before Spring's exception handlers (ProblemHandling among them), after Boot's, which only records the failure.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    /** Ends the answer by telling Tomcat to close its connection now, without an answer's last bytes. */
    private record ClosingTheConnection(Exception failure) implements View {
        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws CloseNowException {
            throw new CloseNowException("The answer failed after it began: " + failure, failure);
        }
    }
}
