/**
 * The web edge: every error is an RFC 9457 problem detail with a stable type URI ({@code
 * ProblemTypes}), raised by a feature, by Spring MVC, by the security filters or by the container's
 * error page. No error body repeats request content: fields are named by their JSON path (unknown
 * keys as {@code *}), parameters by name and expected type, and there is no {@code instance}.
 */
package nl.deelpoort.gateway.web;
