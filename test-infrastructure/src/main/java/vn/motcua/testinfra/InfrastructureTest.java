package vn.motcua.testinfra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/** Put on a {@code @SpringBootTest} that needs Kafka, MongoDB or SMTP: {@link TestInfrastructure} decides which. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public @interface InfrastructureTest {
}
