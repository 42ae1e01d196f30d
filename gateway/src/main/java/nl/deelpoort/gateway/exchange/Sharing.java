package nl.deelpoort.gateway.exchange;

import jakarta.servlet.http.HttpServletResponse;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.TraceContext;
import nl.deelpoort.ledger.LogEntry;
import org.springframework.security.access.AccessDeniedException;

/** What every exchange endpoint does alike. */
final class Sharing {

    static final String DISCLOSURE_ID_HEADER = "X-Disclosure-Id";

    /** Only professionals and partner systems move data; privacy officers, residents and admins never do. */
    static void requireSharer(Caller caller) {
        if (!caller.hasRole(Caller.PROFESSIONAL) && !caller.hasRole(Caller.PARTNER_SYSTEM)) {
            throw new AccessDeniedException("only professionals and partner systems exchange data");
        }
    }

    static LogEntry.Builder traced(LogEntry.Builder entry, TraceContext trace) {
        return entry.traceId(trace.traceId()).spanId(trace.spanId());
    }

    /** Set as soon as the entry is committed, so error answers after it carry it too. */
    static void disclosed(HttpServletResponse response, long seq) {
        response.setHeader(DISCLOSURE_ID_HEADER, Long.toString(seq));
    }

    private Sharing() {}
}
