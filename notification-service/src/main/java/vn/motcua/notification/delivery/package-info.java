/** Telling citizens what happened to their dossiers and payments: templates in Vietnamese, inbox and email. */
package vn.motcua.notification.delivery;
