package vn.motcua.kit.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.kit.correlation.CorrelationIdFilter;
import vn.motcua.kit.health.KafkaReachability;
import vn.motcua.kit.health.MongoReachability;
import vn.motcua.kit.http.IfMatchArgumentResolver;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.kit.messaging.IdempotentWrites;
import vn.motcua.kit.messaging.MessagingKitConfiguration;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.EventRecorder;
import vn.motcua.kit.outbox.OutboxCollections;
import vn.motcua.kit.outbox.OutboxHandOff;
import vn.motcua.kit.outbox.OutboxProperties;
import vn.motcua.kit.outbox.OutboxRelay;
import vn.motcua.kit.problem.CommittedAnswers;
import vn.motcua.kit.problem.ProblemHandling;
import vn.motcua.kit.problem.ProblemResponses;
import vn.motcua.kit.security.CallerArgumentResolver;
import vn.motcua.kit.security.ReachBeforeBody;
import vn.motcua.kit.security.RolesBeforeArguments;
import vn.motcua.kit.security.SecurityKitConfiguration;
import vn.motcua.kit.web.BodySizeLimit;
import vn.motcua.kit.web.IdentityBodiesOnly;
import vn.motcua.kit.web.ParameterScalars;
import vn.motcua.kit.web.ParameterText;
import vn.motcua.kit.web.ParametersAsDeclared;
import vn.motcua.kit.web.ProblemErrorController;
import vn.motcua.kit.web.ProblemErrorReportValve;
import vn.motcua.kit.web.RequestBodies;
import vn.motcua.kit.web.RequestDates;
import vn.motcua.kit.work.ScheduledJobsConfiguration;

/** Switches the kit on in every service that has it on its classpath. */
// Before Boot's own security auto-configurations, so that the kit's filter chain and JWT
// decoder are the ones in place and Boot's defaults (HTTP basic, a generated user) back off;
// before Boot's Mongo health and error controller, so that the kit's take their place.
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@Import({SecurityKitConfiguration.class, MessagingKitConfiguration.class, ProblemHandling.class, ParameterText.class, ParameterScalars.class,
        ScheduledJobsConfiguration.class})
public class KitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(@Value("${motcua.http.max-json-body}") DataSize maxJson,
            @Value("${motcua.http.max-upload-body}") DataSize maxUpload, ProblemResponses problems) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
                new BodySizeLimit(maxJson, maxUpload, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdentityBodiesOnly> identityBodiesOnly(ProblemResponses problems) {
        FilterRegistrationBean<IdentityBodiesOnly> registration = new FilterRegistrationBean<>(new IdentityBodiesOnly(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 9);
        return registration;
    }

    @Bean
    CommittedAnswers committedAnswers() {
        return new CommittedAnswers();
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /**
     * Request bodies are read by a strict mapper (RequestBodies); parameters are parsed with the same
     * bound on dates and as strictly (ParameterScalars); responses are written as before.
     */
    @Bean
    WebMvcConfigurer requestValueChecks(JsonMapper json) {
        JsonMapper forRequests = RequestBodies.readerFrom(json);
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
                builder.withJsonConverter(new JacksonJsonHttpMessageConverter(forRequests));
            }

            @Override
            public void addFormatters(FormatterRegistry registry) {
                RequestDates.addFormatters(registry);
            }
        };
    }

    @Bean
    WebMvcConfigurer callerArgumentsAndParameters(BeanFactory beans) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
                resolvers.add(new IfMatchArgumentResolver());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RolesBeforeArguments());
                registry.addInterceptor(new ReachBeforeBody(beans));
                registry.addInterceptor(new ParametersAsDeclared());
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    static class MongoParts {
        @Bean
        ClusterLease clusterLease(MongoTemplate mongo, Clock clock) {
            return new ClusterLease(mongo, clock);
        }

        @Bean
        IdempotentWrites idempotentWrites(MongoTemplate mongo) {
            return new IdempotentWrites(mongo);
        }

        @Bean
        IdempotencyKeys idempotencyKeys(MongoTemplate mongo, JsonMapper json, Clock clock,
                @Value("${motcua.idempotency.lease:PT1M}") Duration lease) {
            return new IdempotencyKeys(mongo, json, clock, lease);
        }

        /** Named so that Boot's own Mongo indicator (which sends hello) backs off. */
        @Bean
        MongoReachability mongoHealthIndicator(MongoTemplate mongo,
                @Value("${motcua.health.timeout:2s}") Duration timeout) {
            return new MongoReachability(mongo, timeout);
        }

        @Bean
        OutboxCollections outboxCollections(MongoMappingContext mapping) {
            return OutboxCollections.of(mapping);
        }

        @Bean
        AggregateStore aggregateStore(MongoTemplate mongo, EventRecorder recorder, OutboxCollections collections,
                ObjectProvider<OutboxHandOff> handOff, Clock clock) {
            return new AggregateStore(mongo, recorder, collections, OutboxHandOff.whenPresent(handOff::getIfAvailable), clock);
        }

        @Bean
        EventRecorder eventRecorder(JsonMapper json, Clock clock) {
            return new EventRecorder(json, clock);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaAdmin.class)
    static class KafkaParts {
        @Bean
        KafkaReachability kafkaHealthIndicator(KafkaAdmin admin, @Value("${motcua.health.timeout:2s}") Duration timeout) {
            return new KafkaReachability(admin, timeout);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MongoTemplate.class, KafkaTemplate.class})
    @EnableConfigurationProperties(OutboxProperties.class)
    @EnableScheduling
    static class OutboxParts {
        @Bean
        OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, ClusterLease lease,
                OutboxCollections collections, OutboxProperties properties,
                @Value("${spring.application.name}") String application, Clock clock, MeterRegistry meters) {
            return new OutboxRelay(mongo, kafka, lease, collections, properties, "/motcua/" + application, clock,
                    meters);
        }
    }
}
