package nl.deelpoort.gateway.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code X-Disclosure-Id}: the sequence number of the log entry a response caused (docs/api.md). Set
 * as soon as the entry is committed, so that an error answer after it carries it too.
 */
public final class DisclosureHeader {

    public static final String NAME = "X-Disclosure-Id";

    public static void set(HttpServletResponse response, long seq) {
        response.setHeader(NAME, Long.toString(seq));
    }

    private DisclosureHeader() {}
}
