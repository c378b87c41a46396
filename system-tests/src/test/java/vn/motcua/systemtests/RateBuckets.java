package vn.motcua.systemtests;

import vn.motcua.localstack.GatewayClient;

/**
 * The gateway's rate limits stay on in the system tests, and its buckets outlive a test class. A
 * test that sends hundreds of requests waits before what it counts, and leaves the buckets full for
 * the class after it, whichever that is: the order of classes differs between machines.
 */
final class RateBuckets {
    /** The demo client's capacity less a margin: what "full" means for the tests. */
    static final int DEMO_CLIENT_FULL = 150;
    /** The anonymous calls of one address (public reads) less a margin. */
    static final int ANONYMOUS_FULL = 40;

    private RateBuckets() {
    }

    /** Until the demo client's bucket (every demo user's token spends from it) holds this many requests. */
    static void waitForTheDemoClient(GatewayClient gateway, int requests) throws InterruptedException {
        waitUntilTheBucketHolds(gateway, requests, "/api/v1/notifications/preferences", gateway.userToken("citizen1"));
    }

    /** Until this address's bucket for calls without a token holds this many requests. */
    static void waitForAnonymousCalls(GatewayClient gateway, int requests) throws InterruptedException {
        waitUntilTheBucketHolds(gateway, requests, "/api/v1/public/procedures/2.000018", null);
    }

    /** Both buckets the tests spend full again. */
    static void refill(GatewayClient gateway) throws InterruptedException {
        waitForTheDemoClient(gateway, DEMO_CLIENT_FULL);
        waitForAnonymousCalls(gateway, ANONYMOUS_FULL);
    }

    /** The gateway tells what is left in a caller's bucket in {@code RateLimit-Remaining} on every answer. */
    private static void waitUntilTheBucketHolds(GatewayClient gateway, int requests, String path, String token)
            throws InterruptedException {
        for (int probe = 0; probe < 100; probe++) {
            GatewayClient.Response response = gateway.get(path, token);
            if (response.status() != 429 && response.raw().headers().firstValueAsLong("RateLimit-Remaining").orElse(0) >= requests) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The rate-limit bucket for " + path + " did not refill to " + requests + " in 20 s");
    }
}
