package nl.deelpoort.gateway.audit.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.deelpoort.gateway.audit.Release;
import nl.deelpoort.gateway.logstore.LogUnavailableException;
import nl.deelpoort.gateway.logstore.LogVisibility;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The releases of data about one subject pseudonym, newest first, read from the canonical bytes
 * (the columns only select; the hashed bytes are what is reported).
 *
 * <p>What counts as a release: a DISCLOSURE or TRANSFER decided PERMIT or PARTIAL with at least one
 * released category, unless a DELIVERY_FAILED entry refers to it (then nothing left the holder). A
 * RECEIPT is the recipient fetching a TRANSFER that is already counted, so it is reported only when
 * its TRANSFER is not in view; otherwise one push would show up twice.
 */
@Component
public class Releases {

    private static final String SELECT = "SELECT canonical FROM log_entry WHERE subject_pseudonym = :subject"
            + " AND seq > :afterSeq AND kind IN ('DISCLOSURE', 'TRANSFER', 'RECEIPT', 'DELIVERY_FAILED')";

    private final JdbcClient jdbc;

    public Releases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Releases about the subject, confidential ones included (callers decide what to show and count).
     *
     * @param organisation if present, only entries where it is requester, holder or recipient
     * @param afterSeq only entries with a seq above it (an organisation's entries from before its own
     *     forget of the subject no longer count for it); -1 for all
     */
    public List<Release> of(String pseudonym, Optional<String> organisation, long afterSeq) {
        try {
            return releases(jdbc.sql(SELECT + (organisation.isPresent() ? " AND " + LogVisibility.VIEWER_SQL : "")
                            + " ORDER BY seq DESC")
                    .param("subject", pseudonym)
                    .param("afterSeq", afterSeq)
                    .param("viewer", organisation.orElse(null))
                    .query((rs, n) -> LogEntryCodec.decode(rs.getBytes(1)))
                    .list());
        } catch (DataAccessException e) {
            throw new LogUnavailableException("The disclosure log cannot be read.", e);
        }
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
