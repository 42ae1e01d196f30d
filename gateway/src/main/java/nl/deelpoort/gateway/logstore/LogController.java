package nl.deelpoort.gateway.logstore;

import io.swagger.v3.oas.annotations.media.Schema;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.gateway.logstore.LogReader.StoredCheckpoint;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.note.NoteSigner;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The log as auditors and the offline verifier see it (docs/api.md, "Log and audit"). Hashes are standard
 * base64, proofs in RFC 9162 order. Checkpoint and public key: any authenticated caller; the rest:
 * privacy officers and gateway admins (roles in the security configuration). Entries and the export
 * are shown as {@link LogVisibility} allows: in full to the officers of their parties, as redacted
 * leaves (seq and leaf hash) to everyone else, so the whole log still verifies. Proofs are hashes only.
 */
@RestController
record LogController(LogReader reader, LogEntries entries, Checkpointer checkpointer, NoteSigner logSigner) {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private static final Base64.Encoder B64 = Base64.getEncoder();

    /** What one entry looks like to the caller: in full, or redacted (the OpenAPI document says either). */
    @Schema(oneOf = {EntryView.class, RedactedView.class})
    sealed interface EntryAnswer permits EntryView, RedactedView {}

    /** An entry the caller may read. */
    record EntryView(long seq, String canonical, String leafHash, Map<String, Object> entry, boolean redacted)
            implements EntryAnswer {}

    /** An entry the caller may not read: its place and leaf hash, for proofs, and nothing else. */
    record RedactedView(long seq, String leafHash, boolean redacted) implements EntryAnswer {}

    @GetMapping(value = "/api/v1/log/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    String checkpoint() {
        // Before the first background run there is none yet; sign one rather than answer 404.
        return reader.latestCheckpoint().orElseGet(checkpointer::checkpointNow).signedNote();
    }

    @GetMapping(value = "/api/v1/log/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String publicKey() {
        return logSigner.verifierKey() + "\n";
    }

    @GetMapping("/api/v1/log/entries/{seq}")
    EntryAnswer entry(@PathVariable long seq, Caller caller) {
        LogEntries.Shown shown = entries.entry(seq, caller)
                .orElseThrow(() -> new LogNotFoundException("The log has no entry " + seq + "."));
        if (!(shown instanceof LogEntries.Full e)) {
            return new RedactedView(seq, B64.encodeToString(shown.leafHash()), true);
        }
        Map<String, Object> fields = LogEntryCodec.members(e.entry());
        return new EntryView(seq, B64.encodeToString(e.canonical()), B64.encodeToString(e.leafHash()), fields, false);
    }

    @GetMapping("/api/v1/log/entries/{seq}/inclusion-proof")
    LogReader.InclusionProof inclusionProof(@PathVariable long seq, @RequestParam(required = false) Long treeSize) {
        long size = treeSize != null ? treeSize : defaultTreeSize();
        return reader.inclusionProof(seq, size);
    }

    @GetMapping("/api/v1/log/consistency-proof")
    LogReader.ConsistencyProof consistencyProof(@RequestParam long from, @RequestParam(required = false) Long to) {
        long n = to != null ? to : defaultTreeSize();
        return reader.consistencyProof(from, n);
    }

    /**
     * Entries {@code fromSeq ≤ seq ≤ toSeq} as JSON Lines ({@code ExportLine}), default all entries
     * committed when the request arrives: full lines for the entries the caller may read, redacted lines
     * ({@code {"seq":N,"leafHash":"…","redacted":true}}) for the others. Streamed from a database cursor.
     */
    @GetMapping("/api/v1/log/export")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) Long fromSeq, @RequestParam(required = false) Long toSeq, Caller caller) {
        Optional<OrganisationId> viewer = LogVisibility.viewer(caller);
        long size = reader.size();
        long from = fromSeq != null ? fromSeq : 0;
        long end = toSeq != null ? toSeq + 1 : size;
        if (from < 0) {
            throw InvalidRequestException.of("fromSeq", "must not be negative");
        }
        if (end < from || end > size) {
            throw InvalidRequestException.of("toSeq", "must be between fromSeq and the last seq, " + (size - 1));
        }
        StreamingResponseBody body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            reader.export(from, end, viewer, line -> {
                w.write(line.format());
                w.write('\n');
            });
            w.flush();
        };
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }

    private long defaultTreeSize() {
        return reader.latestCheckpoint().map(StoredCheckpoint::treeSize).orElseGet(reader::size);
    }
}
