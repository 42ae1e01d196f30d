package nl.deelpoort.gateway.logstore;

import java.util.Optional;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;

/**
 * One log entry as a caller may see it ({@link LogVisibility}): in full, or as a redacted leaf (its
 * place and leaf hash, nothing else). What {@code GET /api/v1/log/entries/{seq}} answers and the
 * console's entry page shows, so both apply the rule the same way.
 */
public final class LogEntries {

    /** An entry as shown to one caller. */
    public sealed interface Shown permits Full, Redacted {
        long seq();

        byte[] leafHash();
    }

    /**
     * An entry the caller may read.
     *
     * @param entry strictly decoded from {@code canonical}: only bytes that are canonical are shown as fields
     */
    public record Full(long seq, byte[] canonical, byte[] leafHash, LogEntry entry) implements Shown {}

    /** An entry the caller may not read. */
    public record Redacted(long seq, byte[] leafHash) implements Shown {}

    private final LogReader reader;

    LogEntries(LogReader reader) {
        this.reader = reader;
    }

    /** The entry at {@code seq} as {@code caller} may see it; empty when the log has no such entry. */
    public Optional<Shown> entry(long seq, Caller caller) {
        return reader.entry(seq)
                .map(e -> e.fullFor(LogVisibility.viewer(caller))
                        ? new Full(seq, e.canonical(), e.leafHash(), LogEntryCodec.decode(e.canonical()))
                        : new Redacted(seq, e.leafHash()));
    }
}
