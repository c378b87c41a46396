/**
 * Which instance of a service takes a request: each route names its service ({@code lb://dossier}),
 * the instances are configured ({@code motcua.services.dossier}, comma-separated), and an instance
 * that does not answer ready is passed over until it does (ADR 0022).
 */
package vn.motcua.gateway.balancing;
