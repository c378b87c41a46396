package vn.motcua.payment.provider.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The merchant's connection to the payment platform. The hash secret comes from the environment
 * of each deployment ({@code PAYMENT_PROVIDER_HASH_SECRET}); the service refuses to start without one.
 *
 * @param paymentUrl where payers are sent ({@code …/paymentv2/vpcpay.html})
 * @param apiUrl the merchant web API ({@code …/merchant_webapi/api/transaction})
 * @param statementUrl the daily statement
 * @param returnUrl where the provider sends the payer back (the portal's page, or the platform's return endpoint)
 */
@ConfigurationProperties("motcua.payment.provider")
public record ProviderProperties(URI paymentUrl, URI apiUrl, URI statementUrl, String tmnCode, String hashSecret, URI returnUrl,
        Duration timeout) {

    public ProviderProperties {
        if (hashSecret == null || hashSecret.isBlank()) {
            throw new IllegalStateException("motcua.payment.provider.hash-secret is not set: give this environment's secret"
                    + " (PAYMENT_PROVIDER_HASH_SECRET)");
        }
        if (tmnCode == null || !tmnCode.matches("[A-Za-z0-9]{8}")) {
            throw new IllegalStateException("motcua.payment.provider.tmn-code is the 8-character terminal code the provider issued");
        }
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
