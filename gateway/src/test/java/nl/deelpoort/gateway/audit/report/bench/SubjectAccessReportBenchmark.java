package nl.deelpoort.gateway.audit.report.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.devkit.EmbeddedDatabase;
import nl.deelpoort.gateway.audit.AuditTrail;
import nl.deelpoort.gateway.audit.ReportFormat;
import nl.deelpoort.gateway.audit.report.Releases;
import nl.deelpoort.gateway.audit.report.SubjectAccessReports;
import nl.deelpoort.gateway.audit.report.Wording;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.support.BenchDatabase;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.Pseudonyms;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.FrameworkLoader;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Time to build a subject-access report for a subject with many entries, in each format, from a real
 * PostgreSQL (embedded, migrated with the gateway's scripts) holding the subject's entries among
 * other subjects' entries. Not part of {@code verify}; see {@code docs/benchmarks/audit-report.md}.
 *
 * <p>Arguments (all optional): {@code entries=1000 others=50000 rounds=30}.
 */
public final class SubjectAccessReportBenchmark {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Bsn SUBJECT = Bsn.of("999993653");
    private static final String[] RECIPIENTS = {"gemeente-geldrop-mierlo", "gemeente-waalre", "veilig-thuis", "cbs"};

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchDatabase.arguments(args);
        int entries = Integer.parseInt(a.getOrDefault("entries", "1000"));
        int others = Integer.parseInt(a.getOrDefault("others", "50000"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "30"));

        try (EmbeddedDatabase db = BenchDatabase.migrated()) {
            String subject = Pseudonyms.pseudonym(Pseudonyms.newSubjectSecret(RANDOM));
            load(db, subject, entries, others);
            try (HikariDataSource app = BenchDatabase.appPool(db, 2)) {
                SubjectAccessReports reports = new SubjectAccessReports(
                        new Releases(JdbcClient.create(app)),
                        new Wording(FrameworkLoader.loadDefault()),
                        JsonMapper.builder().build());
                System.out.printf(
                        "%d cores; subject with %d entries among %d others; %d rounds per format%n",
                        Runtime.getRuntime().availableProcessors(), entries, others, rounds);
                AuditTrail.Scope scope = new AuditTrail.Scope(
                        OrganisationId.of("plusteam"), true, Optional.of(new SubjectPseudonyms.Known(subject, -1)), 1);
                for (ReportFormat f : ReportFormat.values()) {
                    // Warm-up: class loading, JIT, PDFBox font metrics.
                    for (int i = 0; i < 5; i++) {
                        reports.render(scope, SUBJECT, Instant.now(), f);
                    }
                    long[] ms = new long[rounds];
                    int size = 0;
                    for (int i = 0; i < rounds; i++) {
                        long t0 = System.nanoTime();
                        size = reports.render(scope, SUBJECT, Instant.now(), f).length;
                        ms[i] = (System.nanoTime() - t0) / 1_000;
                    }
                    Arrays.sort(ms);
                    System.out.printf(
                            "%-4s p50 %6.1f ms  p90 %6.1f ms  max %6.1f ms  size %,d bytes%n",
                            f, ms[rounds / 2] / 1000.0, ms[rounds * 9 / 10] / 1000.0, ms[rounds - 1] / 1000.0, size);
                }
            }
        }
    }

    /**
     * Inserts as the owner, straight into {@code log_entry}: the benchmark is about reading, and the
     * report reads only the canonical bytes and the indexed columns, so the leaf hashes are random
     * and no Merkle subtrees are written.
     */
    private static void load(EmbeddedDatabase db, String subject, int entries, int others) throws Exception {
        List<String> otherSubjects = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            otherSubjects.add(Pseudonyms.pseudonym(Pseudonyms.newSubjectSecret(RANDOM)));
        }
        Instant start = Instant.parse("2026-01-01T08:00:00Z");
        try (Connection c = java.sql.DriverManager.getConnection(
                        db.jdbcUrl() + "?currentSchema=deelpoort",
                        EmbeddedDatabase.OWNER,
                        EmbeddedDatabase.OWNER_PASSWORD);
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO log_entry (seq, canonical, leaf_hash,"
                                + " registered_at, kind, decision, purpose, legal_basis, flow, requesting_organisation, holder,"
                                + " recipient, subject_pseudonym, confidential) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            int total = entries + others;
            int stride = Math.max(1, total / entries);
            for (int seq = 0; seq < total; seq++) {
                // The subject's entries are spread evenly through the log, as a long history would be.
                boolean mine = seq % stride == 0 && seq / stride < entries;
                String pseudonym = mine ? subject : otherSubjects.get(seq % otherSubjects.size());
                String recipient = RECIPIENTS[seq % RECIPIENTS.length];
                boolean confidential = recipient.equals("veilig-thuis");
                LogEntry e = LogEntry.builder(seq % 7 == 0 ? EntryKind.TRANSFER : EntryKind.DISCLOSURE)
                        .seq(seq)
                        .registeredAt(start.plusSeconds(600L * seq))
                        .traceId("0af7651916cd43dd8448eb211c80319c")
                        .spanId("b7ad6b7169203331")
                        .decision(seq % 11 == 0 ? "DENY" : seq % 5 == 0 ? "PARTIAL" : "PERMIT")
                        .reasonCodes(seq % 5 == 0 ? List.of("CATEGORY_NOT_IN_FLOW") : List.of())
                        .purpose(confidential ? "SAFETY_REPORT" : "ACCOUNTABILITY")
                        .legalBasis(confidential ? "LEGAL_TASK" : "LEGAL_OBLIGATION")
                        .flow(confidential ? "F5" : "F4")
                        .agreement(confidential ? "werkafspraken-veilig-thuis" : "ovk-plusteam")
                        .policyVersion("0".repeat(64))
                        .requestingOrganisation("plusteam")
                        .actingRole("CARE_PROVIDER")
                        .user("5f0c1d9e-2b7a-4c1e-9a55-1b2c3d4e5f60")
                        .client("deelpoort-cli")
                        .holder("plusteam")
                        .recipient(recipient)
                        .subjectPseudonym(pseudonym)
                        .categoriesRequested(List.of("BSN", "CARE_DEPLOYED", "SUPPORT_PLAN"))
                        .categoriesReleased(seq % 11 == 0 ? List.of() : List.of("BSN", "CARE_DEPLOYED"))
                        .confidential(confidential)
                        .build();
                byte[] leaf = new byte[32];
                RANDOM.nextBytes(leaf);
                int i = 1;
                ps.setLong(i++, seq);
                ps.setBytes(i++, LogEntryCodec.encode(e));
                ps.setBytes(i++, leaf);
                ps.setTimestamp(i++, Timestamp.from(e.registeredAt()));
                ps.setString(i++, e.kind().name());
                ps.setString(i++, e.decision());
                ps.setString(i++, e.purpose());
                ps.setString(i++, e.legalBasis());
                ps.setString(i++, e.flow());
                ps.setString(i++, e.requestingOrganisation());
                ps.setString(i++, e.holder());
                ps.setString(i++, e.recipient());
                ps.setString(i++, e.subjectPseudonym());
                ps.setBoolean(i, e.confidential());
                ps.addBatch();
                if (seq % 2000 == 1999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
            try (var s = c.createStatement()) {
                s.execute("ANALYZE log_entry");
            }
        }
    }

    private SubjectAccessReportBenchmark() {}
}
