package nl.deelpoort.gateway.exchange;

import jakarta.servlet.http.HttpServletResponse;
import nl.deelpoort.gateway.web.TraceContext;
import nl.deelpoort.ledger.LogEntry;

/**
 * What every exchange endpoint does alike. Only professionals and partner systems exchange data:
 * the security configuration declares that for every exchange endpoint, so no endpoint checks
 * roles itself; each still requires the organisation the caller acts for.
 */
final class Sharing {

    static final String DISCLOSURE_ID_HEADER = "X-Disclosure-Id";

    static LogEntry.Builder traced(LogEntry.Builder entry, TraceContext trace) {
        return entry.traceId(trace.traceId()).spanId(trace.spanId());
    }

    /** Set as soon as the entry is committed, so error answers after it carry it too. */
    static void disclosed(HttpServletResponse response, long seq) {
        response.setHeader(DISCLOSURE_ID_HEADER, Long.toString(seq));
    }

    private Sharing() {}
}
