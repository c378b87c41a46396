package vn.motcua.kit.problem;

import java.io.IOException;
import org.springframework.http.HttpStatus;

/** A request body past the size this endpoint takes, found while reading it. */
public class BodyTooLarge extends IOException {
    private final long limit;

    public BodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public ApiProblem problem() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "The request body is larger than this endpoint takes (" + limit + " bytes at most); send less")
                .with("maxBytes", limit);
    }
}
