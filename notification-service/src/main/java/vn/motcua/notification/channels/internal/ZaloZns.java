package vn.motcua.notification.channels.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.notification.channels.ChannelProperties;
import vn.motcua.notification.channels.ChannelSender;
import vn.motcua.notification.channels.Outgoing;
import vn.motcua.notification.channels.SendOutcome;

/**
 * Zalo Notification Service: the approved template mapped to the platform's template key, filled
 * with the message's parameters, sent to the phone number. ZNS answers HTTP 200 with an error code.
 */
@Component
class ZaloZns implements ChannelSender {
    /** ZNS errors that may pass: its own trouble, or a rate limit. Every other error is final for this message. */
    private static final Set<Integer> TRANSIENT = Set.of(-32, -1);

    private final ChannelProperties.Zalo settings;
    private final ObjectMapper json;
    private final Guard guard;

    ZaloZns(ChannelProperties channels, ObjectMapper json) {
        this.settings = channels.zalo();
        this.json = json;
        this.guard = new Guard("zalo-zns", settings);
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.ZALO;
    }

    @Override
    public SendOutcome send(Outgoing message) {
        String templateId = settings.templates().get(message.template());
        if (templateId == null) {
            return new SendOutcome.Refused("no approved Zalo template for " + message.template());
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("phone", message.address());
        request.put("template_id", templateId);
        request.put("template_data", ZnsParameters.fitted(message.parameters(), settings.parameterLengths()));
        request.put("tracking_id", message.reference());
        return guard.call(() -> {
            ProviderHttp.Answer answer = ProviderHttp.post(json, settings.url().resolve("/message/template"),
                    Map.of("access_token", settings.accessToken()), request);
            int error = answer.body().path("error").asInt(Integer.MIN_VALUE);
            if (error == 0) {
                return new SendOutcome.Accepted(answer.body().path("data").path("msg_id").asString(), null, settings.costPerMessage());
            }
            String reason = "Zalo " + error + ": " + answer.body().path("message").asString("");
            if (TRANSIENT.contains(error)) {
                throw new Guard.Busy(reason);
            }
            return new SendOutcome.Refused(reason);
        });
    }
}
