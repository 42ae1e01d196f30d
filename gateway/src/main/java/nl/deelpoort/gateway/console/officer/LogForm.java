package nl.deelpoort.gateway.console.officer;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.deelpoort.gateway.audit.AuditRequests;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The log page's filters as typed, all text so that nothing typed is lost before the service's rules
 * check it. Blank counts as absent. The BSN travels only in a POST body: {@link #query} leaves it out,
 * and a GET never carries one ({@link #withoutSubject}).
 *
 * @param beforeSeq the first page's own log entry, which later pages keep to ({@code AuditRequests.Search})
 */
record LogForm(
        String bsn,
        String from,
        String to,
        String purpose,
        String kind,
        String decision,
        String reasonCode,
        String legalBasis,
        String organisation,
        String overrideId,
        String page,
        String size,
        String beforeSeq) {

    /** The request record's fields and the form's field ids, in the order the form shows them. */
    static final Map<String, String> FIELDS = fields();

    LogForm {
        bsn = text(bsn) == null ? null : text(bsn).replaceAll("[\\s.]", "");
        from = text(from);
        to = text(to);
        purpose = text(purpose);
        kind = text(kind);
        decision = text(decision);
        reasonCode = text(reasonCode);
        legalBasis = text(legalBasis);
        organisation = text(organisation);
        overrideId = text(overrideId);
        page = text(page);
        size = text(size);
        beforeSeq = text(beforeSeq);
    }

    LogForm withoutSubject() {
        return new LogForm(
                null,
                from,
                to,
                purpose,
                kind,
                decision,
                reasonCode,
                legalBasis,
                organisation,
                overrideId,
                page,
                size,
                beforeSeq);
    }

    /** Another page of the same search, as the log stood at its first page's entry {@code anchor}. */
    LogForm atPage(int other, long anchor) {
        return new LogForm(
                bsn,
                from,
                to,
                purpose,
                kind,
                decision,
                reasonCode,
                legalBasis,
                organisation,
                overrideId,
                Integer.toString(other),
                size,
                Long.toString(anchor));
    }

    public boolean hasSubject() {
        return bsn != null;
    }

    /** The API's search body for these filters; the numbers already read. */
    AuditRequests.SearchRequest request(Integer pageNumber, Integer sizeNumber, Long before) {
        return new AuditRequests.SearchRequest(
                bsn == null ? null : new AuditRequests.SubjectRef(bsn),
                organisation,
                purpose,
                legalBasis,
                decision,
                kind,
                reasonCode,
                overrideId,
                from,
                to,
                pageNumber,
                sizeNumber,
                before);
    }

    /** {@code /console/log} with the filters that are not personal data as its query string. */
    String query() {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/console/log");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", from);
        values.put("to", to);
        values.put("purpose", purpose);
        values.put("kind", kind);
        values.put("decision", decision);
        values.put("reasonCode", reasonCode);
        values.put("legalBasis", legalBasis);
        values.put("organisation", organisation);
        values.put("overrideId", overrideId);
        values.put("size", size);
        values.put("page", page);
        values.put("beforeSeq", beforeSeq);
        values.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, value);
            }
        });
        return uri.encode().build().toUriString();
    }

    private static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("subject.bsn", "bsn");
        f.put("from", "from");
        f.put("to", "to");
        f.put("purpose", "purpose");
        f.put("kind", "kind");
        f.put("decision", "decision");
        f.put("reasonCode", "reasonCode");
        f.put("legalBasis", "legalBasis");
        f.put("organisation", "organisation");
        f.put("overrideId", "overrideId");
        f.put("size", "size");
        f.put("page", "page");
        f.put("beforeSeq", "page");
        return f;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
