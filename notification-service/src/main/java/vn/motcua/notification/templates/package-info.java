/**
 * The texts of every message as versioned templates: the built-in version each kind of message
 * starts with, versions ops publish (checked at publish time: only the placeholders the service
 * fills), and a preview of any of them, with the SMS it makes.
 */
package vn.motcua.notification.templates;
