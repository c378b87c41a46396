package vn.motcua.notification.channels;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.motcua.events.notification.NotificationChannel;

/**
 * The providers' addresses and credentials, and the terms each works under (price, rate limit, how
 * long a receipt may take, how often a transient failure is retried). A channel without a URL is
 * not offered: nobody's plan includes it.
 */
@ConfigurationProperties("motcua.notification.channels")
public record ChannelProperties(Sms sms, Zalo zalo, Email email) {
    private static final Duration DEFAULT_RECEIPT_TIMEOUT = Duration.ofMinutes(10);

    public ChannelProperties {
        sms = sms == null ? new Sms(null, null, null, null, false, 0, 0, null, 0, null) : sms;
        zalo = zalo == null ? new Zalo(null, null, null, null, 0, 0, null, 0, null, Map.of(), Map.of()) : zalo;
        email = email == null ? new Email(0, 0, null) : email;
    }

    /** The terms of the channel's provider; the in-app inbox has none and is never sent through one. */
    public Terms termsOf(NotificationChannel channel) {
        return switch (channel) {
            case SMS -> sms;
            case ZALO -> zalo;
            case EMAIL -> email;
            case IN_APP -> throw new IllegalArgumentException("The in-app inbox has no provider");
        };
    }

    /** Common to every provider: whether it is configured, its own rate limit, attempts, backoff and receipt time. */
    public interface Terms {
        boolean offered();

        int ratePerSecond();

        int maxAttempts();

        Duration firstRetry();

        /** How long a receipt may take before the message counts as not delivered; null: the provider sends none. */
        Duration receiptTimeout();
    }

    /**
     * @param accented send Vietnamese with its diacritics (UCS-2, 70 characters a part) instead of the
     *     unaccented variant operators' brand-name channels commonly carry
     * @param costPerPart what one SMS part costs, in đồng
     */
    public record Sms(URI url, String account, String secret, String brandName, boolean accented, long costPerPart, int ratePerSecond,
            Duration receiptTimeout, int maxAttempts, Duration firstRetry) implements Terms {
        public Sms {
            receiptTimeout = receiptTimeout == null ? DEFAULT_RECEIPT_TIMEOUT : receiptTimeout;
        }

        @Override
        public boolean offered() {
            return url != null;
        }
    }

    /**
     * @param templates the approved ZNS template id for each of the platform's template keys
     * @param parameterLengths the most characters each template parameter takes, as its type was
     *     registered with ZNS ({@code default} for a name not listed); ZNS refuses a longer value
     */
    public record Zalo(URI url, String accessToken, String oaSecret, String appId, long costPerMessage, int ratePerSecond,
            Duration receiptTimeout, int maxAttempts, Duration firstRetry, Map<String, String> templates,
            Map<String, Integer> parameterLengths) implements Terms {
        public Zalo {
            templates = templates == null ? Map.of() : templates;
            parameterLengths = parameterLengths == null ? Map.of() : parameterLengths;
            receiptTimeout = receiptTimeout == null ? DEFAULT_RECEIPT_TIMEOUT : receiptTimeout;
        }

        @Override
        public boolean offered() {
            return url != null;
        }
    }

    /** The mail server is always there (Spring's mail settings); it sends no receipts. */
    public record Email(int ratePerSecond, int maxAttempts, Duration firstRetry) implements Terms {
        @Override
        public boolean offered() {
            return true;
        }

        @Override
        public Duration receiptTimeout() {
            return null;
        }
    }
}
