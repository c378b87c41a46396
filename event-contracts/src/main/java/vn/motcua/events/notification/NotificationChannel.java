package vn.motcua.events.notification;

/** Where a notification goes: the in-app inbox always, then the citizen's channels in their order. */
public enum NotificationChannel {
    IN_APP, EMAIL, SMS, ZALO
}
