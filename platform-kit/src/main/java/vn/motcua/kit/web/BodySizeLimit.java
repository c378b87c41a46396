package vn.motcua.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.kit.problem.BodyTooLarge;
import vn.motcua.kit.problem.ProblemResponses;

/**
 * No body larger than the endpoint takes gets in: a declared length over the limit is refused
 * with 413 problem+json before anything reads it, and a body without a declared length is cut off
 * at the limit while it is read. A client must hear "too large", never "retry later".
 */
public class BodySizeLimit extends OncePerRequestFilter {
    private final long maxJson;
    private final long maxUpload;
    private final ProblemResponses problems;

    public BodySizeLimit(DataSize maxJson, DataSize maxUpload, ProblemResponses problems) {
        this.maxJson = maxJson.toBytes();
        this.maxUpload = maxUpload.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        long limit = type != null && type.toLowerCase().startsWith("multipart/") ? maxUpload : maxJson;
        if (request.getContentLengthLong() > limit) {
            // The unread body is not worth draining: the connection is closed after this answer.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            problems.write(response, new BodyTooLarge(limit).problem());
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream body;
        private final long limit;
        private long read;

        Counting(ServletInputStream body, long limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
