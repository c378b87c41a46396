package vn.motcua.postal.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.postal.PostalServiceApplication;
import vn.motcua.testinfra.InfrastructureTest;
import vn.motcua.testinfra.ServiceInstance;

/** 500 numbers taken at once from one operator's range, half on each of two instances: all different, all valid. */
@SpringBootTest
@InfrastructureTest
class TrackingNumbersIT {
    @Autowired
    TrackingRanges ranges;

    @Test
    void fiveHundredConcurrentNumbersOnTwoInstancesAreUniqueAndCarryTheirCheckDigit() throws Exception {
        try (ConfigurableApplicationContext second = ServiceInstance.start(PostalServiceApplication.class)) {
            List<TrackingRanges> instances = List.of(ranges, second.getBean(TrackingRanges.class));
            Set<String> numbers = ConcurrentHashMap.newKeySet();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> taken = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 500; i++) {
                    TrackingRanges instance = instances.get(i % 2);
                    taken.add(threads.submit(() -> {
                        start.await();
                        return instance.next("postal-vnpost", "RR").toString();
                    }));
                }
                start.countDown();
                for (Future<String> number : taken) {
                    numbers.add(number.get());
                }
            }
            assertThat(numbers).hasSize(500);
            assertThat(numbers).allSatisfy(number -> assertThat(S10.parse(number).toString()).isEqualTo(number))
                    .allMatch(number -> number.startsWith("RR") && number.endsWith("VN"));
        }
    }
}
