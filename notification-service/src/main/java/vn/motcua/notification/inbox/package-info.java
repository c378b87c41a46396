/** Each recipient's notifications: the inbox with read and unread, and every channel's attempts. */
package vn.motcua.notification.inbox;
