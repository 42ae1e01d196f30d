package nl.deelpoort.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * W3C trace context of one request (https://www.w3.org/TR/trace-context/): the trace it belongs to,
 * and this gateway's own span in it, which is what log entries record and the response's {@code
 * traceparent} names. An incoming {@code traceparent} that breaks the format starts a new trace, as
 * the recommendation asks.
 *
 * @param parentSpanId the caller's span, if it sent a valid {@code traceparent}
 */
record TraceContext(String traceId, String spanId, Optional<String> parentSpanId, String flags) {

    static final String ATTRIBUTE = TraceContext.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** A context for a request that arrived with {@code header} (null when absent). */
    public static TraceContext continueFrom(String header) {
        return parse(header)
                .map(p -> new TraceContext(p.traceId, newId(8), Optional.of(p.spanId), p.flags))
                .orElseGet(() -> new TraceContext(newId(16), newId(8), Optional.empty(), "00"));
    }

    /** The context the trace filter attached to this request; a fresh one outside it. */
    public static TraceContext of(HttpServletRequest request) {
        Object value = request.getAttribute(ATTRIBUTE);
        return value instanceof TraceContext t ? t : continueFrom(null);
    }

    /** This span as a {@code traceparent} header value (version 00). */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    record Parsed(String traceId, String spanId, String flags) {}

    /**
     * Version 00 is exactly {@code 00-<32 hex>-<16 hex>-<2 hex>}; a later version may append fields
     * after a dash, which are ignored. Upper-case hex, all-zero ids and version ff are invalid.
     */
    static Optional<Parsed> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.length() < 55) {
            return Optional.empty();
        }
        String version = h.substring(0, 2);
        if (!isHex(version) || version.equals("ff")) {
            return Optional.empty();
        }
        if (version.equals("00") ? h.length() != 55 : h.length() > 55 && h.charAt(55) != '-') {
            return Optional.empty();
        }
        if (h.charAt(2) != '-' || h.charAt(35) != '-' || h.charAt(52) != '-') {
            return Optional.empty();
        }
        String traceId = h.substring(3, 35);
        String spanId = h.substring(36, 52);
        String flags = h.substring(53, 55);
        if (!isHex(traceId) || !isHex(spanId) || !isHex(flags) || isZero(traceId) || isZero(spanId)) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(traceId, spanId, flags));
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(String s) {
        return s.chars().allMatch(c -> c == '0');
    }

    private static String newId(int bytes) {
        byte[] b = new byte[bytes];
        do {
            RANDOM.nextBytes(b);
        } while (isZero(HEX.formatHex(b)));
        return HEX.formatHex(b);
    }
}
