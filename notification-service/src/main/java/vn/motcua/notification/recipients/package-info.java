/** How to reach each citizen, as last stated on one of their dossiers. */
package vn.motcua.notification.recipients;
