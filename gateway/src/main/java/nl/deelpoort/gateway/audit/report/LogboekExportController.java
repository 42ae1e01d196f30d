package nl.deelpoort.gateway.audit.report;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.gateway.audit.AuditTrail;
import nl.deelpoort.gateway.audit.Period;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/v1/audit/export/logboek?from=&to=}: a privacy officer's own organisation's entries
 * in the shape of Logboek Dataverwerkingen, {@code from} and {@code to} as {@link Period} reads them
 * ({@code to} exclusive). The export is logged as an {@code AUDIT_QUERY} before the first line goes out.
 */
@RestController
record LogboekExportController(RequestValidator requests, AuditTrail trail, LogboekExport export) {
    static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    @GetMapping("/api/v1/audit/export/logboek")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Caller caller,
            RequestTrace trace) {
        Period.Closed period = requests.valid(new Period.Closed(from, to));
        Instant start = period.start().orElseThrow();
        Instant end = period.end().orElseThrow();
        StreamingResponseBody result = trail.run(
                caller,
                trace,
                "logboek-export",
                Optional.empty(),
                Map.of("from", start.toString(), "to", end.toString()),
                scope -> out -> {
                    BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                    export.write(scope.organisation().value(), start, end, w);
                    w.flush();
                });
        return ResponseEntity.ok().contentType(JSON_LINES).body(result);
    }
}
