package vn.motcua.notification.channels;

import java.util.Map;

/**
 * One message for one channel.
 *
 * @param reference unique per notification and channel: the provider takes a repeated send with it
 *     as the same message, so a resend after a crash is never a second message
 * @param address the phone number or the email address
 * @param template the platform's template key (a Zalo message goes as the approved template mapped to it)
 * @param parameters the values a Zalo template is filled with
 */
public record Outgoing(String reference, String address, String template, String subject, String text, String shortText,
        Map<String, String> parameters) {
}
