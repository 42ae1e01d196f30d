/**
 * Client of the holders' case file systems (Topicus-style dossier APIs): one HTTP client, bounded
 * in-flight requests and a circuit breaker per holder, credentials per holder. It answers with the
 * parsed file or a {@link nl.deelpoort.gateway.filesystem.CaseFileException}; it never decides what
 * may be released (the exchange feature does) and never lets a file system's error body through,
 * since such a body may hold personal data.
 */
package nl.deelpoort.gateway.filesystem;
