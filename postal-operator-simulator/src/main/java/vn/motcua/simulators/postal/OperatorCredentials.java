package vn.motcua.simulators.postal;

import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * How an outside operator's Kafka client authenticates: SASL/OAUTHBEARER with a client-credentials
 * token of its realm client, fetched (and renewed) by Kafka's own login handler.
 */
public final class OperatorCredentials {
    private static final String ALLOWED_URLS = "org.apache.kafka.sasl.oauthbearer.allowed.urls";

    private OperatorCredentials() {
    }

    /** The client settings for the operators' listener; also lets Kafka call that token endpoint. */
    public static Map<String, Object> kafka(String tokenUrl, String clientId, String secret) {
        synchronized (OperatorCredentials.class) {
            String allowed = System.getProperty(ALLOWED_URLS);
            if (allowed == null || allowed.isBlank()) {
                System.setProperty(ALLOWED_URLS, tokenUrl);
            } else if (!allowed.contains(tokenUrl)) {
                System.setProperty(ALLOWED_URLS, allowed + "," + tokenUrl);
            }
        }
        return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "OAUTHBEARER",
                SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS,
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler",
                SaslConfigs.SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL, tokenUrl,
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required"
                        + " clientId=\"" + clientId + "\" clientSecret=\"" + secret + "\" ;");
    }
}
