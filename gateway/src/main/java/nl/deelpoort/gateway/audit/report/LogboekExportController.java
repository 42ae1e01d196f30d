package nl.deelpoort.gateway.audit.report;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.TraceContext;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Framework;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/v1/audit/export/logboek?from=&to=}: a privacy officer's own organisation's entries
 * in the shape of Logboek Dataverwerkingen. {@code from} and {@code to} are ISO-8601 instants
 * ({@code to} exclusive) or dates in Amsterdam time ({@code to} as a date includes that whole day).
 * The export is logged as an {@code AUDIT_QUERY} before the first line goes out.
 */
@RestController
class LogboekExportController {

    static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    private final LogboekExport export;
    private final DisclosureLog log;

    LogboekExportController(LogboekExport export, DisclosureLog log) {
        this.export = export;
        this.log = log;
    }

    @GetMapping("/api/v1/audit/export/logboek")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Caller caller,
            HttpServletRequest http) {
        String organisation = caller.requireOrganisation().value();
        List<InvalidField> invalid = new ArrayList<>();
        Optional<Instant> start = bound("from", from, false, invalid);
        Optional<Instant> end = bound("to", to, true, invalid);
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            invalid.add(new InvalidField("to", "must be after from"));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException(invalid);
        }
        TraceContext trace = TraceContext.of(http);
        long seq = log.append(LogEntry.builder(EntryKind.AUDIT_QUERY)
                .traceId(trace.traceId())
                .spanId(trace.spanId())
                .requestingOrganisation(organisation)
                .user(caller.subject())
                .client(caller.clientId())
                .attributes(Map.of(
                        "query",
                        "logboek-export",
                        "from",
                        start.get().toString(),
                        "to",
                        end.get().toString())));
        StreamingResponseBody body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            export.write(organisation, start.get(), end.get(), w);
            w.flush();
        };
        return ResponseEntity.ok()
                .header("X-Disclosure-Id", Long.toString(seq))
                .contentType(JSON_LINES)
                .body(body);
    }

    private static Optional<Instant> bound(String name, String value, boolean end, List<InvalidField> invalid) {
        if (value == null || value.isBlank()) {
            invalid.add(new InvalidField(name, "is required (an ISO-8601 instant or date)"));
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value.strip());
                return Optional.of((end ? day.plusDays(1) : day)
                        .atStartOfDay(Framework.ZONE)
                        .toInstant());
            } catch (DateTimeParseException notADate) {
                invalid.add(new InvalidField(
                        name, "must be an ISO-8601 instant (2026-11-22T10:00:00Z) or date (2026-11-22)"));
                return Optional.empty();
            }
        }
    }
}
