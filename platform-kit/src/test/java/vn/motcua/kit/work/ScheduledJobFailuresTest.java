package vn.motcua.kit.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A scheduled job meeting the database away is a warning, and runs again; a fault of its own stays
 * an ERROR. Checked on the scheduler Boot builds, on virtual threads (as the services run) and on a pool.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledJobFailuresTest {
    private final ApplicationContextRunner services = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
            .withUserConfiguration(ScheduledJobsConfiguration.class, Scheduling.class);

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {
    }

    @Test
    void aDatabaseAwayIsAWarningAndTheJobRunsAgain(CapturedOutput output) {
        for (String virtualThreads : new String[] {"true", "false"}) {
            services.withPropertyValues("spring.threads.virtual.enabled=" + virtualThreads).run(context -> {
                AtomicInteger runs = new AtomicInteger();
                context.getBean(TaskScheduler.class).scheduleWithFixedDelay(() -> {
                    runs.incrementAndGet();
                    throw new DataAccessResourceFailureException("Timed out while waiting for a server");
                }, Duration.ofMillis(20));

                await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
            });
        }
        assertThat(output.getOut()).contains("WARN").contains("could not reach the database")
                .contains("Timed out while waiting for a server").doesNotContain(" ERROR ").doesNotContain("\tat ");
    }

    @Test
    void aFaultOfTheJobStaysAnErrorWithItsTrace(CapturedOutput output) {
        services.withPropertyValues("spring.threads.virtual.enabled=true").run(context -> {
            AtomicInteger runs = new AtomicInteger();
            context.getBean(TaskScheduler.class).scheduleWithFixedDelay(() -> {
                runs.incrementAndGet();
                throw new IllegalStateException("a reminder without an office");
            }, Duration.ofMillis(20));

            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 2);
        });
        assertThat(output.getOut()).contains("ERROR").contains("A scheduled job failed")
                .contains("a reminder without an office").contains("\tat ");
    }
}
