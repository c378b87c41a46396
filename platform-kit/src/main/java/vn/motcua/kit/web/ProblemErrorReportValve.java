package vn.motcua.kit.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's last word, for requests it refuses before any servlet runs (an encoded slash, a
 * request line too long, CONNECT): problem+json instead of its HTML page, and never a 5xx.
 */
public class ProblemErrorReportValve extends ErrorReportValve {
    private static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        if (code == HttpStatus.NOT_IMPLEMENTED.value() || code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
            // Tomcat's answers to CONNECT, to a transfer coding it does not know and to "HTTP/2.0" in a request
            // line: each request is the client's error and can never succeed, so it is not the server's failure.
            boolean connect = "CONNECT".equals(request.getMethod());
            code = connect ? HttpStatus.METHOD_NOT_ALLOWED.value() : HttpStatus.BAD_REQUEST.value();
            response.setStatus(code);
            if (connect) {
                response.setHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
            }
        }
        HttpStatus status = HttpStatus.resolve(code);
        String slug = code >= 500 ? "internal-error" : "http-" + code;
        String title = status == null ? "Error" : status.getReasonPhrase();
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"urn:motcua:problem:" + slug + "\",\"title\":\"" + title + "\",\"status\":" + code
                        + ",\"detail\":\"The server refused this request before handling it (malformed path, headers or"
                        + " size)\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The connection is gone; there is nobody left to tell.
        }
    }
}
