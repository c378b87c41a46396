/**
 * The providers that carry notifications beyond the inbox — the mail server, a brand-name SMS
 * gateway, Zalo's notification service — each behind {@link vn.motcua.notification.channels.ChannelSender},
 * with a retry, a circuit breaker and a rate limit per provider; and the checks of their signed receipts.
 */
package vn.motcua.notification.channels;
