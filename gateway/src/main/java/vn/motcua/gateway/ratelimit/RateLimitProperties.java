package vn.motcua.gateway.ratelimit;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests the gateway lets through, for the whole platform (all gateway instances
 * together): each instance enforces its share, {@code 1 / instances} of every limit.
 *
 * @param instances how many gateway instances share the limits
 * @param perClient each OAuth2 client (the token's {@code azp}) unless {@code clients} names it
 * @param publicLookup each IP address on the public dossier look-up, which needs no token
 * @param publicReads each IP address on the other public reads (catalog, calendar): a person
 *     browsing, more than a look-up but far less than a client
 * @param clients limits of named clients, e.g. a provincial portal that carries a whole province
 * @param providerCallbacks each IP address on the payment provider's callbacks (IPN and return): the
 *     provider's few servers notify every payment of the province, far more than a person browses
 */
@ConfigurationProperties("motcua.gateway.rate-limits")
public record RateLimitProperties(Integer instances, Limit perClient, Limit publicLookup, Limit publicReads,
        Map<String, Limit> clients, Limit providerCallbacks) {
    public RateLimitProperties {
        instances = instances == null || instances < 1 ? 1 : instances;
        perClient = perClient == null ? new Limit(200, 100) : perClient;
        publicLookup = publicLookup == null ? new Limit(10, 1) : publicLookup;
        publicReads = publicReads == null ? new Limit(60, 10) : publicReads;
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        providerCallbacks = providerCallbacks == null ? new Limit(500, 200) : providerCallbacks;
    }

    /**
     * @param capacity requests allowed in a burst
     * @param perSecond requests per second allowed over time
     */
    public record Limit(long capacity, long perSecond) {
        Limit share(int instances) {
            return new Limit(Math.max(1, capacity / instances), Math.max(1, perSecond / instances));
        }
    }

    Limit forClient(String clientId) {
        return clients.getOrDefault(clientId, perClient).share(instances);
    }

    Limit forPublicLookup() {
        return publicLookup.share(instances);
    }

    Limit forProviderCallbacks() {
        return providerCallbacks.share(instances);
    }

    Limit forPublicReads() {
        return publicReads.share(instances);
    }
}
