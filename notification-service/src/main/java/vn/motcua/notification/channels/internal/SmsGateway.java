package vn.motcua.notification.channels.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.events.notification.NotificationChannel;
import vn.motcua.notification.channels.ChannelProperties;
import vn.motcua.notification.channels.ChannelSender;
import vn.motcua.notification.channels.Outgoing;
import vn.motcua.notification.channels.SendOutcome;
import vn.motcua.notification.channels.SmsText;

/** Brand-name SMS through the gateway's HTTP API; the short text goes unaccented unless configured otherwise. */
@Component
class SmsGateway implements ChannelSender {
    private final ChannelProperties.Sms settings;
    private final ObjectMapper json;
    private final Guard guard;
    private final String authorization;

    SmsGateway(ChannelProperties channels, ObjectMapper json) {
        this.settings = channels.sms();
        this.json = json;
        this.guard = new Guard("sms-gateway", settings);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((settings.account() + ":" + settings.secret())
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SMS;
    }

    @Override
    public SendOutcome send(Outgoing message) {
        String text = settings.accented() ? message.shortText() : SmsText.unaccented(message.shortText());
        int parts = SmsText.parts(text);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("brandName", settings.brandName());
        request.put("phone", message.address());
        request.put("message", text);
        request.put("clientRef", message.reference());
        return guard.call(() -> {
            ProviderHttp.Answer answer = ProviderHttp.post(json, settings.url().resolve("/api/v2/sms/send"),
                    Map.of("Authorization", authorization), request);
            String code = answer.body().path("code").asString("");
            if (answer.status() == 200 && code.equals("00")) {
                return new SendOutcome.Accepted(answer.body().path("messageId").asString(), parts, parts * settings.costPerPart());
            }
            if (answer.status() == 429) {
                throw new Guard.Busy("the gateway's rate limit: " + code);
            }
            return new SendOutcome.Refused("SMS gateway refused (" + answer.status() + " " + code + "): "
                    + answer.body().path("message").asString(""));
        });
    }
}
