package vn.motcua.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemHandlingTest {
    @Test
    void anUnreachableDatabaseIsA503ToRetryNotA500() {
        ResponseEntity<ProblemDetail> answer = new ProblemHandling()
                .storageUnavailable(new DataAccessResourceFailureException("Prematurely reached end of stream"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(answer.getBody().getType()).isEqualTo(ApiProblem.typeOf("storage-unavailable"));
        assertThat(answer.getBody().getDetail()).doesNotContain("end of stream");
    }
}
