package vn.motcua.events.notification;

/** Where a notification was delivered. */
public enum NotificationChannel {
    IN_APP, EMAIL
}
