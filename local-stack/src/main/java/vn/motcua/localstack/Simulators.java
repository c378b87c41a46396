package vn.motcua.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outside world's systems the platform talks to, each a child process speaking the real
 * protocol: the postal operator (Bưu điện Việt Nam's client in the realm), the payment provider, the
 * SMS gateway and Zalo's notification service.
 */
final class Simulators {
    static final String POSTAL_OPERATOR = "postal-operator-simulator";
    static final String PAYMENT_PROVIDER = "payment-provider-simulator";
    static final String SMS_GATEWAY = "sms-gateway-simulator";
    static final String ZALO = "zalo-simulator";
    /** The realm's local client of the operator; the secret is the realm file's, for this machine only. */
    private static final String OPERATOR_CLIENT = "postal-vnpost";
    private static final String OPERATOR_SECRET = "postal-vnpost-local-secret";

    private Simulators() {
    }

    /** A small JVM on the launcher's classpath (the simulators' jars are among its libraries). */
    private static List<String> java(StackConfig config, String heap, String mainClass) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms16m", "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(Services.heapDumps(config));
        command.addAll(List.of("-cp", config.launcherClasspath(), mainClass));
        return command;
    }

    /** Reports a stage about every second, so a walk-through sees a result reach the door within a minute. */
    static ChildProcess startPostalOperator(StackConfig config) {
        List<String> command = java(config, "96m", "vn.motcua.simulators.postal.PostalOperatorSimulator");
        command.addAll(List.of(
                // The operators' listener: the simulator authenticates with its client's token and reads under its ACLs.
                "--bootstrap=127.0.0.1:" + config.ports().kafkaOperators(),
                "--kafka-auth=oauthbearer",
                "--operator=" + OPERATOR_CLIENT,
                "--secret=" + OPERATOR_SECRET,
                "--token-url=" + config.issuer() + "/protocol/openid-connect/token",
                "--api=" + config.gatewayUrl(),
                "--step-delay-ms=1000",
                // A real operator remits daily; the local one every half minute, so the figures can be seen.
                "--remit-every-ms=30000"));
        // Later arguments win: a test may make the operator faster or less reliable.
        command.addAll(config.extraArguments().getOrDefault(POSTAL_OPERATOR, List.of()));
        return ChildProcess.start(POSTAL_OPERATOR, command, Map.of(), config.logDir());
    }

    /**
     * The payment platform: payers approve on its page, it notifies the platform's IPN through the
     * gateway (as a provider reaches a province's public address), a quarter of a second later.
     */
    static ChildProcess startPaymentProvider(StackConfig config) {
        List<String> command = java(config, "64m", "vn.motcua.simulators.payment.PaymentProviderSimulator");
        command.addAll(List.of(
                "--port=" + config.ports().paymentProvider(),
                "--tmn-code=MOTCUA01",
                "--ipn-url=" + config.gatewayUrl() + "/api/v1/payments/provider/ipn",
                "--ipn-delay-ms=250"));
        command.addAll(config.extraArguments().getOrDefault(PAYMENT_PROVIDER, List.of()));
        return ChildProcess.start(PAYMENT_PROVIDER, command, Map.of("PAYMENT_PROVIDER_HASH_SECRET", config.paymentProviderSecret()),
                config.logDir());
    }

    /** Brand-name SMS: delivery reports reach the platform through the gateway, a fifth of a second after each message. */
    static ChildProcess startSmsGateway(StackConfig config) {
        List<String> command = java(config, "48m", "vn.motcua.simulators.messaging.SmsGatewaySimulator");
        command.addAll(List.of("--port=" + config.ports().smsGateway(),
                "--dlr-url=" + config.gatewayUrl() + "/api/v1/notifications/provider/sms-reports", "--dlr-delay-ms=200"));
        command.addAll(config.extraArguments().getOrDefault(SMS_GATEWAY, List.of()));
        return ChildProcess.start(SMS_GATEWAY, command, Map.of("SMS_GATEWAY_SECRET", config.smsGatewaySecret()), config.logDir());
    }

    /** Zalo ZNS with every template approved; its webhooks reach the platform through the gateway. */
    static ChildProcess startZalo(StackConfig config) {
        List<String> command = java(config, "48m", "vn.motcua.simulators.messaging.ZaloZnsSimulator");
        command.addAll(List.of("--port=" + config.ports().zalo(), "--approved-templates=*",
                "--webhook-url=" + config.gatewayUrl() + "/api/v1/notifications/provider/zalo-events", "--receipt-delay-ms=200"));
        command.addAll(config.extraArguments().getOrDefault(ZALO, List.of()));
        return ChildProcess.start(ZALO, command, Map.of("ZALO_ACCESS_TOKEN", config.zaloAccessToken(), "ZALO_OA_SECRET",
                config.zaloOaSecret()), config.logDir());
    }
}
