package nl.deelpoort.gateway.logstore;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.Pseudonyms;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subject pseudonyms for log entries, and forgetting a subject (crypto-shredding, docs/domain.md, "The
 * disclosure log"). A BSN is turned into the row key of a random per-subject secret with the lookup
 * key; the pseudonym is derived from that secret alone. Destroying the secret unlinks every entry: the
 * entries keep their pseudonym and every hash and proof stays valid, but nothing links them to the BSN
 * any more, and the BSN gets a fresh, unrelated pseudonym from then on. The pseudonym is derived once,
 * when the secret is made, and stored next to it (V47), so that other tables can be joined on it in
 * the same statement ({@link #joined}). Pseudonyms are not cached, so a forget on one instance holds
 * on all of them at once.
 *
 * <p>Forgetting is per controller ({@link #forget}): an organisation unlinks the subject for itself
 * (table {@code subject_unlinked}, V40), and the secret is destroyed only when every organisation that
 * processed the subject has unlinked it. Which subjects an organisation "knows" ({@link #knownTo}) is
 * relative to that organisation alone, so no answer built on it tells whether others processed a BSN.
 */
public class SubjectPseudonyms {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Kinds that do not make a subject processed by an organisation: looking at it and forgetting it. */
    private static final String PROCESSING = "kind NOT IN ('AUDIT_QUERY', 'SUBJECT_FORGOTTEN')";

    /** Advisory lock class of forgets (two-int form, apart from the log's one-bigint append lock). */
    private static final int FORGET_LOCK_CLASS = 0x64706667;

    private static final String KNOWN = "SELECT EXISTS (SELECT 1 FROM log_entry WHERE subject_pseudonym = :pseudonym"
            + " AND seq > :after AND " + PROCESSING + " AND " + LogVisibility.VIEWER_SQL + ")";

    /** The seq of the organisation's latest forget of the subject, -1 if none (see {@link #forget}). */
    private static final String LAST_UNLINK = "SELECT coalesce(max(seq), -1) FROM log_entry"
            + " WHERE kind = 'SUBJECT_FORGOTTEN' AND subject_pseudonym = :pseudonym"
            + " AND requesting_organisation = :viewer";

    /**
     * How many organisations appear in the subject's entries (as requester, holder or recipient, in
     * entries that process it) without having unlinked it after their last such entry.
     */
    private static final String NOT_UNLINKED = """
            SELECT count(*) FROM (
                SELECT p.org, max(e.seq) AS last
                  FROM log_entry e, unnest(ARRAY[e.requesting_organisation, e.holder, e.recipient]) AS p(org)
                 WHERE e.subject_pseudonym = :pseudonym AND e.%s AND p.org IS NOT NULL
                 GROUP BY p.org) parties
             WHERE NOT EXISTS (SELECT 1 FROM subject_unlinked u
                                WHERE u.lookup = :lookup AND u.organisation = parties.org
                                  AND u.unlinked_seq > parties.last)
            """.formatted(PROCESSING);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Pseudonyms.LookupKeys lookupKeys;
    private final DisclosureLog log;

    SubjectPseudonyms(DataSource dataSource, byte[] lookupKey, DisclosureLog log) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.lookupKeys = new Pseudonyms.LookupKeys(lookupKey);
        this.log = log;
    }

    /**
     * The subject's current pseudonym, created on first use. A known subject (the common case on
     * every decision) costs one read; only a new one pays for the insert and the read-back.
     */
    public String pseudonym(Bsn bsn) {
        byte[] lookup = lookup(bsn);
        return database("Subject pseudonyms are unavailable.", () -> {
            Optional<String> known = stored(lookup);
            return known.isPresent() ? known.get() : created(lookup);
        });
    }

    /**
     * A statement about a subject joined to the subject's pseudonym, so that a known subject's
     * pseudonym and the rows about it cost one round trip ({@code grounds.RecordedGrounds}: every
     * decision's grounds). {@code about} gets the SQL expression that stands for the pseudonym and
     * returns a query using it; the statement answers, for a known subject, one row per row of that
     * query with the pseudonym first as {@code subject_pseudonym}, or a single row with only the
     * pseudonym (the query's columns all NULL) if the query has none; for a subject without a pseudonym
     * it answers no row: then {@link #pseudonym} creates one, and the query is run on its own. Build it
     * once; bind {@link #joinedParameters} for each subject.
     */
    public static String joined(Function<String, String> about) {
        return "SELECT s.pseudonym AS subject_pseudonym, q.* FROM subject_secret s LEFT JOIN LATERAL ("
                + about.apply("s.pseudonym") + ") q ON true WHERE s.lookup = :subject_lookup";
    }

    /**
     * The parameters of a {@link #joined} statement for this subject besides its query's own: the
     * subject's lookup key (an HMAC of the BSN, never the BSN). Bind them, never log them.
     */
    public Map<String, Object> joinedParameters(Bsn bsn) {
        return Map.of("subject_lookup", lookup(bsn));
    }

    /**
     * The subject's pseudonym if it has one, without creating one. Says whether <em>anyone</em>
     * processed the BSN: for the subject's own view and the gateway's decisions, never for an answer to
     * a privacy officer (they use {@link #knownTo}).
     */
    public Optional<String> existingPseudonym(Bsn bsn) {
        byte[] lookup = lookup(bsn);
        return database("Subject pseudonyms are unavailable.", () -> stored(lookup));
    }

    /**
     * A subject as one organisation knows it.
     *
     * @param pseudonym the subject's pseudonym in the log
     * @param afterSeq only entries with a greater seq count for the organisation: the seq of its own
     *     {@code SUBJECT_FORGOTTEN} entry if it unlinked the subject before, else -1
     */
    public record Known(String pseudonym, long afterSeq) {}

    /**
     * The subject if it is known to the organisation: it has a pseudonym and an entry with that
     * pseudonym, after the organisation's own unlinking if any, in which the organisation is requester,
     * holder or recipient, of a kind other than {@code AUDIT_QUERY} and {@code SUBJECT_FORGOTTEN}.
     * Empty alike whether nobody or only other organisations processed the BSN. Creates nothing.
     */
    public Optional<Known> knownTo(Bsn bsn, OrganisationId organisation) {
        byte[] lookup = lookup(bsn);
        return database("Subject pseudonyms are unavailable.", () -> knownTo(lookup, organisation.value()));
    }

    /**
     * The subject behind a pseudonym the organisation was shown (a sample's subjects), if it is known
     * to the organisation, exactly as {@link #knownTo(Bsn, OrganisationId)} finds it by BSN. The
     * organisation's own unlinking is read from the log: its {@code SUBJECT_FORGOTTEN} entry with the
     * pseudonym has the seq its unlink row records. A subject shredded for everyone is known to
     * nobody, since every organisation's forget then follows its last entry. Creates nothing; anything
     * that is not a pseudonym names no subject.
     */
    public Optional<Known> knownTo(String pseudonym, OrganisationId organisation) {
        if (pseudonym == null || !Pseudonyms.isPseudonym(pseudonym)) {
            return Optional.empty();
        }
        return database("Subject pseudonyms are unavailable.", () -> {
            long unlinked = jdbc.sql(LAST_UNLINK)
                    .param("pseudonym", pseudonym)
                    .param("viewer", organisation.value())
                    .query(Long.class)
                    .single();
            return Optional.of(new Known(pseudonym, unlinked))
                    .filter(subject -> processedBy(subject, organisation.value()));
        });
    }

    /**
     * What a forget did.
     *
     * @param disclosureId the seq of the organisation's {@code SUBJECT_FORGOTTEN} entry
     * @param shredded whether it was the last unlinking and the secret was destroyed (never told to the
     *     caller: it would say whether other organisations still process the subject)
     */
    public record Forgotten(long disclosureId, boolean shredded) {}

    /**
     * A request to forget a subject.
     *
     * @param reason why (e.g. "retention ended", "erasure request"); it is logged, so no personal data
     *     (checked by the caller)
     */
    public record Forget(Bsn subject, String reason) {}

    /**
     * Forgets a subject for one organisation. Several controllers may have processed the subject, each
     * answering for its own processing, so one organisation's forget <em>unlinks</em> the subject for
     * that organisation only, and the subject's secret is destroyed (global crypto-shredding) only when
     * every organisation that processed the subject has unlinked it. (Otherwise one officer could erase
     * the others' records: a GI's measure would silently stop counting.)
     *
     * <ol>
     *   <li>Only a subject {@link #knownTo known to} the organisation; otherwise nothing is logged or
     *       stored and the answer is empty, the same whether nobody or only others processed it.
     *   <li>A {@code SUBJECT_FORGOTTEN} entry with the organisation as requester, the pseudonym (never
     *       the BSN) and the attribute {@code reason}; then the organisation's {@code subject_unlinked}
     *       row with that entry's seq.
     *   <li>If now every organisation appearing as requester, holder or recipient in the subject's
     *       entries (other than audit queries and forgets) has unlinked it after its last such entry, a
     *       second {@code SUBJECT_FORGOTTEN} entry without organisation, user or pseudonym (attribute
     *       {@code scope: all}), and the subject's secret and every unlink row of the BSN are deleted.
     * </ol>
     *
     * All of it is one transaction, under a lock per subject, that commits only after the entries
     * have: if the log cannot commit, nothing is changed; if the final commit fails, the log says more
     * than happened and a retry completes it, never the other way round.
     *
     * @return empty if the subject is not known to the organisation
     */
    public Optional<Forgotten> forget(Forget command, Caller caller, RequestTrace trace, OrganisationId organisation) {
        byte[] lookup = lookup(command.subject());
        String org = organisation.value();
        return database(
                "The subject could not be forgotten: the database is unavailable.",
                () -> transactions.execute(status -> {
                    lock(lookup);
                    Optional<Known> known = knownTo(lookup, org);
                    if (known.isEmpty()) {
                        return Optional.empty();
                    }
                    String pseudonym = known.get().pseudonym();
                    long seq = log.append(DisclosureLog.traced(
                            LogEntry.builder(EntryKind.SUBJECT_FORGOTTEN)
                                    .subjectPseudonym(pseudonym)
                                    .requestingOrganisation(org)
                                    .user(caller.subject())
                                    .client(caller.clientId())
                                    .attributes(Map.of("reason", command.reason())),
                            trace));
                    jdbc.sql("DELETE FROM subject_unlinked WHERE lookup = :lookup AND organisation = :org")
                            .param("lookup", lookup)
                            .param("org", org)
                            .update();
                    jdbc.sql("INSERT INTO subject_unlinked (lookup, organisation, unlinked_seq)"
                                    + " VALUES (:lookup, :org, :seq)")
                            .param("lookup", lookup)
                            .param("org", org)
                            .param("seq", seq)
                            .update();
                    long notUnlinked = jdbc.sql(NOT_UNLINKED)
                            .param("pseudonym", pseudonym)
                            .param("lookup", lookup)
                            .query(Long.class)
                            .single();
                    boolean shred = notUnlinked == 0;
                    if (shred) {
                        log.append(DisclosureLog.traced(
                                LogEntry.builder(EntryKind.SUBJECT_FORGOTTEN).attributes(Map.of("scope", "all")),
                                trace));
                        jdbc.sql("DELETE FROM subject_unlinked WHERE lookup = :lookup")
                                .param("lookup", lookup)
                                .update();
                        jdbc.sql("DELETE FROM subject_secret WHERE lookup = :lookup")
                                .param("lookup", lookup)
                                .update();
                    }
                    return Optional.of(new Forgotten(seq, shred));
                }));
    }

    private byte[] lookup(Bsn bsn) {
        return lookupKeys.of(bsn.value());
    }

    /** Serialises forgets of one subject, so two last unlinkings cannot both miss each other. */
    private void lock(byte[] lookup) {
        int key = (lookup[0] & 0xff) << 24 | (lookup[1] & 0xff) << 16 | (lookup[2] & 0xff) << 8 | (lookup[3] & 0xff);
        jdbc.sql("SELECT pg_advisory_xact_lock(:lockClass, :key)")
                .param("lockClass", FORGET_LOCK_CLASS)
                .param("key", key)
                .query()
                .listOfRows();
    }

    private Optional<Known> knownTo(byte[] lookup, String organisation) {
        return jdbc.sql("SELECT s.pseudonym, u.unlinked_seq FROM subject_secret s LEFT JOIN subject_unlinked u"
                        + " ON u.lookup = s.lookup AND u.organisation = :org WHERE s.lookup = :lookup")
                .param("org", organisation)
                .param("lookup", lookup)
                .query((rs, row) -> {
                    // wasNull() speaks of the column read last: read unlinked_seq after the pseudonym.
                    String pseudonym = rs.getString("pseudonym");
                    long unlinked = rs.getLong("unlinked_seq");
                    return new Known(pseudonym, rs.wasNull() ? -1 : unlinked);
                })
                .optional()
                .filter(subject -> processedBy(subject, organisation));
    }

    private boolean processedBy(Known subject, String organisation) {
        return jdbc.sql(KNOWN)
                .param("pseudonym", subject.pseudonym())
                .param("after", subject.afterSeq())
                .param("viewer", organisation)
                .query(Boolean.class)
                .single();
    }

    /** The pseudonym stored next to the subject's secret (V47), if the subject has one. */
    private Optional<String> stored(byte[] lookup) {
        return jdbc.sql("SELECT pseudonym FROM subject_secret WHERE lookup = :lookup")
                .param("lookup", lookup)
                .query(String.class)
                .optional();
    }

    /** A first use: a fresh secret and its pseudonym, unless a concurrent first use won the insert. */
    private String created(byte[] lookup) {
        byte[] secret = Pseudonyms.newSubjectSecret(RANDOM);
        jdbc.sql("INSERT INTO subject_secret (lookup, secret, pseudonym) VALUES (:lookup, :secret, :pseudonym)"
                        + " ON CONFLICT (lookup) DO NOTHING")
                .param("lookup", lookup)
                .param("secret", secret)
                .param("pseudonym", Pseudonyms.pseudonym(secret))
                .update();
        // Read back: a concurrent first use may have won the insert. A concurrent forget may delete
        // the row just inserted; then the entry about to be written is already unlinked, which is
        // what the forget asked for.
        return stored(lookup).orElseGet(() -> Pseudonyms.pseudonym(Pseudonyms.newSubjectSecret(RANDOM)));
    }

    private static <T> T database(String message, Supplier<T> work) {
        return LogUnavailableException.onDatabaseFailure(message, work);
    }
}
