package nl.deelpoort.gateway.audit.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import nl.deelpoort.gateway.logstore.LogUnavailableException;
import nl.deelpoort.gateway.logstore.LogVisibility;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;

/**
 * The releases of data about one subject pseudonym, newest first, read from the canonical bytes
 * (the columns only select; the hashed bytes are what is reported).
 *
 * <p>What counts as a release: a DISCLOSURE or TRANSFER decided PERMIT or PARTIAL with at least one
 * released category, unless a DELIVERY_FAILED entry refers to it (then nothing left the holder). A
 * RECEIPT is the recipient fetching a TRANSFER that is already counted, so it is reported only when
 * its TRANSFER is not in view; otherwise one push would show up twice.
 */
public class Releases {

    private static final String SELECT = "SELECT canonical FROM log_entry WHERE subject_pseudonym = ? AND seq > ?"
            + " AND kind IN ('DISCLOSURE', 'TRANSFER', 'RECEIPT', 'DELIVERY_FAILED')";
    private static final String SCOPE = " AND " + LogVisibility.SQL;

    private final DataSource dataSource;

    public Releases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Releases about the subject, confidential ones included (callers decide what to show and count).
     *
     * @param organisation if present, only entries where it is requester, holder or recipient
     */
    public List<Release> of(String pseudonym, Optional<String> organisation) {
        return of(pseudonym, organisation, -1);
    }

    /**
     * As {@link #of(String, Optional)}, only entries with a seq above {@code afterSeq} (an
     * organisation's entries from before its own forget of the subject no longer count for it).
     */
    public List<Release> of(String pseudonym, Optional<String> organisation, long afterSeq) {
        List<LogEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(SELECT + (organisation.isPresent() ? SCOPE : "") + " ORDER BY seq DESC")) {
            ps.setString(1, pseudonym);
            ps.setLong(2, afterSeq);
            if (organisation.isPresent()) {
                for (int i = 3; i <= 5; i++) {
                    ps.setString(i, organisation.get());
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(LogEntryCodec.decode(rs.getBytes(1)));
                }
            }
        } catch (SQLException e) {
            throw new LogUnavailableException("The disclosure log cannot be read.", e);
        }
        return releases(entries);
    }

    /** The selection rules of the class comment over entries in any order; the result keeps that order. */
    static List<Release> releases(List<LogEntry> entries) {
        Set<String> failed = new HashSet<>();
        Set<String> transfers = new HashSet<>();
        for (LogEntry e : entries) {
            if (e.kind() == EntryKind.DELIVERY_FAILED && e.referenceId() != null) {
                failed.add(e.referenceId());
            } else if (e.kind() == EntryKind.TRANSFER) {
                transfers.add(Long.toString(e.seq()));
            }
        }
        List<Release> out = new ArrayList<>();
        for (LogEntry e : entries) {
            if (e.categoriesReleased().isEmpty() || failed.contains(Long.toString(e.seq()))) {
                continue;
            }
            boolean counts = switch (e.kind()) {
                case DISCLOSURE, TRANSFER -> "PERMIT".equals(e.decision()) || "PARTIAL".equals(e.decision());
                case RECEIPT -> !transfers.contains(e.referenceId());
                default -> false;
            };
            if (counts) {
                out.add(new Release(
                        e.seq(),
                        e.registeredAt(),
                        e.kind(),
                        e.holder(),
                        e.recipient(),
                        e.purpose(),
                        e.legalBasis(),
                        e.flow(),
                        e.agreement(),
                        e.categoriesReleased(),
                        e.confidential()));
            }
        }
        return out;
    }
}
