package vn.motcua.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import vn.motcua.gateway.balancing.ServiceInstances;
import vn.motcua.kit.problem.ApiProblem;

/**
 * Sends each call on as the gateway does by default, and watches the service's answer while it is
 * passed on. The breaker covers a call up to the service's status and headers; the body is copied
 * to the caller afterwards, and a service that broke off there (it died, its connection was reset,
 * it went quiet past the timeout) failed the copy with an I/O error: answered 500 "unexpected error"
 * with a stack trace in the log, or, once the first bytes had left, appended to them and the answer
 * ended as if whole. Now, when nothing of the service's answer has left, its status and headers are
 * dropped and the caller gets 502 {@code answer-broken-off} (504 {@code service-timeout} for a service
 * gone quiet, as before its status); when some has, the connection is closed
 * before the answer's end (the kit's CommittedAnswers), so the caller sees its call fail.
 */
final class BrokenOffAnswers implements ProxyExchange {
    private static final Logger log = LoggerFactory.getLogger(BrokenOffAnswers.class);

    private final ProxyExchange sending;
    private final ServiceInstances instances;
    private final CircuitBreakerRegistry breakers;

    BrokenOffAnswers(ProxyExchange sending, ServiceInstances instances, CircuitBreakerRegistry breakers) {
        this.sending = sending;
        this.instances = instances;
        this.breakers = breakers;
    }

    @Override
    public ServerResponse exchange(Request request) {
        HttpServletResponse answer = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getResponse() : null;
        ServerResponse proxied = sending.exchange(request);
        ServerRequest caller = request.getServerRequest();
        InputStream body = MvcUtils.getAttribute(caller, MvcUtils.CLIENT_RESPONSE_INPUT_STREAM_ATTR);
        if (body != null && answer != null) {
            MvcUtils.putAttribute(caller, MvcUtils.CLIENT_RESPONSE_INPUT_STREAM_ATTR,
                    new WatchedBody(body, (passedOn, failure) -> brokenOff(request, passedOn, failure, answer, proxied)));
        }
        return proxied;
    }

    /** Only on the rare failure: which service, and which call, are looked up here rather than for every call. */
    private ApiProblem brokenOff(Request request, long passedOn, IOException failure, HttpServletResponse answer,
            ServerResponse proxied) {
        String service = instances.serviceAt(request.getUri()).orElse(request.getUri().getAuthority());
        ServerRequest caller = request.getServerRequest();
        log.warn("{} broke off its answer to {} {} after {} bytes of its body: {}", service, caller.method(), caller.path(),
                passedOn, failure.toString());
        // The route's breaker saw the call succeed with its status; the failure came after. Counted too, a service that
        // breaks off answer after answer opens its breaker as one that fails before its status does (ADR 0038).
        breakers.circuitBreaker(service).onError(0, TimeUnit.NANOSECONDS, failure);
        if (!answer.isCommitted()) {
            // Nothing has left: the service's headers go with its body (its Content-Length would cut the problem off),
            // the gateway's own (correlation id, rate limits) stay.
            answer.resetBuffer();
            proxied.headers().headerNames().forEach(name -> answer.setHeader(name, null));
        }
        if (failure instanceof SocketTimeoutException) {
            return ServiceTimeout.problem(service, caller.method().name());
        }
        return new ApiProblem(HttpStatus.BAD_GATEWAY, "answer-broken-off", "Bad gateway", "The " + service
                + " service broke off its answer, so whether it did what was asked is not known: read the resource again"
                + " before repeating a change, or repeat it with the same Idempotency-Key").with("service", service);
    }

    /** What to throw in place of a failure to read the service's answer, given how many bytes had been read. */
    @FunctionalInterface
    interface BreakOff {
        ApiProblem problem(long passedOn, IOException failure);
    }

    /** The service's answer as the gateway reads it, a failure to read it turned into the caller's problem. */
    static final class WatchedBody extends InputStream {
        private final InputStream body;
        private final BreakOff breakOff;
        private long passedOn;

        WatchedBody(InputStream body, BreakOff breakOff) {
            this.body = body;
            this.breakOff = breakOff;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            try {
                int read = body.read(buffer, offset, length);
                passedOn += Math.max(read, 0);
                return read;
            } catch (IOException failure) {
                throw breakOff.problem(passedOn, failure);
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
