/** Each citizen's in-app notifications and the state of their email. */
package vn.motcua.notification.inbox;
