package vn.motcua.dossier.storage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

@Configuration
class MongoMapping {

    /**
     * Dates (due dates) are stored by the driver's own codecs, as midnight UTC, rather than at
     * midnight of whatever time zone the JVM runs in: every instance then reads and queries
     * the same value.
     */
    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(conversions -> conversions.useNativeDriverJavaTimeCodecs());
    }
}
