package vn.motcua.dossier.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.motcua.testinfra.InfrastructureTest;

@SpringBootTest
@InfrastructureTest
class DossierCodesIT {
    @Autowired
    MongoTemplate mongo;

    @Test
    void twoInstancesIssuingCodesConcurrentlyNeverRepeatOne() throws Exception {
        // Two generators over the same database stand for two instances of the service.
        DossierCodes first = new DossierCodes(mongo, ZoneId.of("Asia/Ho_Chi_Minh"));
        DossierCodes second = new DossierCodes(mongo, ZoneId.of("Asia/Ho_Chi_Minh"));
        Instant at = Instant.parse("2024-01-15T03:00:00Z");
        List<Callable<String>> calls = IntStream.range(0, 200)
                .<Callable<String>>mapToObj(i -> () -> (i % 2 == 0 ? first : second).next("000.00.99.H29", at))
                .toList();
        List<String> codes;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            codes = pool.invokeAll(calls).stream().map(DossierCodesIT::get).toList();
        }
        assertThat(codes).doesNotHaveDuplicates().hasSize(200);
        assertThat(codes).contains("000.00.99.H29-240115-0001", "000.00.99.H29-240115-0200");
    }

    @Test
    void theSequenceRestartsEachVietnameseDay() {
        DossierCodes codes = new DossierCodes(mongo, ZoneId.of("Asia/Ho_Chi_Minh"));
        // 17:30 UTC on the 15th is already the 16th in Hà Nội.
        assertThat(codes.next("000.00.98.H29", Instant.parse("2024-01-15T10:00:00Z"))).isEqualTo("000.00.98.H29-240115-0001");
        assertThat(codes.next("000.00.98.H29", Instant.parse("2024-01-15T17:30:00Z"))).isEqualTo("000.00.98.H29-240116-0001");
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
