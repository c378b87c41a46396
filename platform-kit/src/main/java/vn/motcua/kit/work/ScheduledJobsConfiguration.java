package vn.motcua.kit.work;

import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Gives whichever scheduler Boot builds (the simple one on virtual threads, or a pool) the kit's failure logging. */
@Configuration(proxyBeanMethods = false)
public class ScheduledJobsConfiguration {

    @Bean
    SimpleAsyncTaskSchedulerCustomizer scheduledJobFailures() {
        return scheduler -> scheduler.setErrorHandler(new ScheduledJobFailures());
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer scheduledJobFailuresOnAPool() {
        return scheduler -> scheduler.setErrorHandler(new ScheduledJobFailures());
    }
}
