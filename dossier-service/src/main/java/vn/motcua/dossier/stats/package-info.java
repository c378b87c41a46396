/** Province-style statistics per agency and period: received by channel, resolved early, on time or late, returned by post. */
package vn.motcua.dossier.stats;
