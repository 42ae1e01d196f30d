package nl.deelpoort.gateway.grounds;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a ground event (given, withdrawn, declared, ended, reviewed, registered) is recorded,
 * in one transaction: take the ground's advisory lock, let the command check the ground's state under
 * it, append the event's entry to the disclosure log (which returns once the entry is committed), then
 * write the event's row with the entry's seq. If the log cannot commit, the transaction rolls back and
 * nothing is recorded; the only failure left is the final commit, after which the log says more than
 * happened and never less.
 *
 * <p>The lock is transaction-scoped and needs no UPDATE right (SELECT ... FOR UPDATE would), so the
 * app role keeps SELECT and INSERT only. Its two-key form does not overlap the log's single-key
 * advisory locks; a hash collision merely serialises two unrelated grounds.
 *
 * <p>Log entries say who recorded what about which pseudonym. Free text (justifications, notes,
 * reasons, names, court references) stays out of the log: it may hold personal data, and the log
 * keeps none (docs/domain.md, "The disclosure log"). What goes in is a closed vocabulary, an
 * organisation id, a date or a number.
 */
@Component
record GroundEvents(JdbcClient jdbc, TransactionTemplate tx, DisclosureLog log) {
    /** First key of every grounds lock: "GRND". */
    private static final int GROUNDS = 0x47524e44;

    /** What a command records: its log entry, and the write that stores its row under the entry's seq. */
    record Event<T>(LogEntry.Builder entry, LongFunction<T> write) {}

    /** Records a new ground: its entry, then its row ({@code write} gets the entry's seq). */
    <T> T record(UUID ground, LogEntry.Builder entry, LongFunction<T> write) {
        return record(ground, () -> new Event<>(entry, write));
    }

    /** Records the event that {@code check} returns; it runs under the lock and may refuse by throwing. */
    <T> T record(UUID ground, Supplier<Event<T>> check) {
        return tx.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:grounds, hashtext(:ground))")
                    .param("grounds", GROUNDS)
                    .param("ground", ground.toString())
                    .query(rs -> {});
            Event<T> event = check.get();
            return event.write().apply(log.append(event.entry()));
        });
    }

    /** The event's entry: who recorded it, for which organisation, about which pseudonym, in which trace. */
    static LogEntry.Builder entry(
            EntryKind kind, Caller caller, RequestTrace trace, OrganisationId organisation, String pseudonym) {
        return DisclosureLog.traced(
                LogEntry.builder(kind)
                        .requestingOrganisation(organisation.value())
                        .user(caller.subject())
                        .client(caller.clientId())
                        .subjectPseudonym(pseudonym),
                trace);
    }

    /** Entry attributes from name, value pairs: lists comma-separated, absent values and empty lists left out. */
    static Map<String, String> attributes(Object... namesAndValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            String text = value instanceof Collection<?> list
                    ? list.stream().map(Object::toString).collect(Collectors.joining(","))
                    : value == null ? "" : value.toString();
            if (!text.isEmpty()) {
                attributes.put((String) namesAndValues[i], text);
            }
        }
        return attributes;
    }
}
