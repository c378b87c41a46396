package vn.motcua.notification.channels;

/** What the provider said to one send. */
public sealed interface SendOutcome {
    /**
     * It took the message.
     *
     * @param parts SMS segments the sent text took, or null
     * @param cost what it charges, in đồng
     */
    record Accepted(String messageId, Integer parts, Long cost) implements SendOutcome {
    }

    /** It could not take it now (busy, unreachable, our own rate limit or open circuit): worth trying later. */
    record TryLater(String reason) implements SendOutcome {
    }

    /** It will never take it (no Zalo account, a number it refuses, a template not approved): the next channel's turn. */
    record Refused(String reason) implements SendOutcome {
    }
}
