/**
 * Telling citizens what happened: the Vietnamese templates, one notification per event, recipient
 * and purpose, its channels tried in the citizen's order with retries, quiet hours and fallback, the
 * providers' receipts, and the sweeper that resumes what a crash or a wait left.
 */
package vn.motcua.notification.delivery;
