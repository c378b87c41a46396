package vn.motcua.localstack;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler;

/**
 * The local broker's check of an outside operator's token: Kafka's own validator (signature
 * against the realm's keys, issuer, audience, expiry), set up at the first authentication rather
 * than when the listener opens. Kafka's validator fetches the realm's keys as it is configured and
 * stops the broker if Keycloak does not answer yet; the local stack starts both side by side, and
 * operators only connect once Keycloak is ready. Where Keycloak starts first (compose), the broker
 * uses Kafka's validator directly.
 */
public final class OperatorTokenValidator implements AuthenticateCallbackHandler {
    private Map<String, ?> configs;
    private String mechanism;
    private List<AppConfigurationEntry> jaas;
    private OAuthBearerValidatorCallbackHandler validator;

    @Override
    public void configure(Map<String, ?> configs, String saslMechanism, List<AppConfigurationEntry> jaasConfigEntries) {
        this.configs = configs;
        this.mechanism = saslMechanism;
        this.jaas = jaasConfigEntries;
    }

    @Override
    public void handle(Callback[] callbacks) throws IOException, UnsupportedCallbackException {
        validator().handle(callbacks);
    }

    private synchronized OAuthBearerValidatorCallbackHandler validator() {
        if (validator == null) {
            OAuthBearerValidatorCallbackHandler configured = new OAuthBearerValidatorCallbackHandler();
            configured.configure(configs, mechanism, jaas);
            validator = configured;
        }
        return validator;
    }

    @Override
    public synchronized void close() {
        if (validator != null) {
            validator.close();
        }
    }
}
