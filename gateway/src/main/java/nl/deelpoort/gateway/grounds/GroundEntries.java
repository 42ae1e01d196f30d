package nl.deelpoort.gateway.grounds;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;

/**
 * Ground events as disclosure-log entries: who recorded what about which pseudonym. Free text
 * (justifications, notes, withdrawal reasons, names of those who consented, court references) stays
 * out of the log: it may hold personal data, and the log keeps none (DOMAIN §7). What goes in is a
 * closed vocabulary, an organisation id, a date or a number, all checked by {@link Fields} first.
 */
final class GroundEntries {

    static LogEntry.Builder entry(EntryKind kind, Caller caller, String organisation, String subjectPseudonym) {
        return LogEntry.builder(kind)
                .requestingOrganisation(organisation)
                .user(caller.subject())
                .client(caller.clientId())
                .subjectPseudonym(subjectPseudonym);
    }

    /** Attributes in a fixed order; lists as comma-separated names. */
    static final class Attributes {
        private final Map<String, String> values = new LinkedHashMap<>();

        Attributes put(String name, Object value) {
            if (value != null) {
                values.put(name, value.toString());
            }
            return this;
        }

        Attributes list(String name, Collection<?> items) {
            if (items != null && !items.isEmpty()) {
                values.put(name, items.stream().map(Object::toString).collect(Collectors.joining(",")));
            }
            return this;
        }

        Map<String, String> map() {
            return values;
        }
    }

    private GroundEntries() {}
}
