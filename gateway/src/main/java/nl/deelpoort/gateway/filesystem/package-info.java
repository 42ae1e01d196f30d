/**
 * Client of the holders' case file systems (Topicus-style dossier APIs): one HTTP client and the
 * guards of the {@code resilience} feature (circuit breaker, bulkhead, time limiter) per holder,
 * credentials per holder (a static token, or Spring Security's OAuth2 client for the client
 * credentials grant, its registrations private to this package). It answers with the
 * parsed file or a {@link nl.deelpoort.gateway.filesystem.CaseFileException}; it never decides what
 * may be released (the exchange feature does) and never lets a file system's error body through,
 * since such a body may hold personal data.
 */
package nl.deelpoort.gateway.filesystem;
