package nl.deelpoort.gateway.logstore;

import java.util.Optional;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.policy.OrganisationId;

/**
 * Who sees which log entry in full: the one rule behind the log endpoints (entries, export) and the
 * audit calls (search, timeline, sample, statistics, subject-access report, Logboek export).
 *
 * <p>A privacy officer of organisation A sees an entry in full only if A is its requesting
 * organisation, holder or recipient: the officer supervises A's processing, not the region's. Every
 * other entry is served as a redacted leaf (seq and leaf hash), enough for the offline verifier to
 * recompute the root over the whole log. A caller without an organisation (a gateway administrator)
 * sees every entry redacted: administrators onboard organisations and watch integrity, they read no
 * decoded entries. The stored columns {@code requesting_organisation}, {@code holder} and {@code
 * recipient} mirror the canonical fields and are what the rule reads, in Java ({@link #fullFor}) and
 * in SQL ({@link #VIEWER_SQL}).
 */
public final class LogVisibility {

    /**
     * The rule over {@code log_entry}'s columns with the named parameter {@code :viewer}, the viewer's
     * organisation id. A null viewer makes it false for every row.
     */
    public static final String VIEWER_SQL =
            "(requesting_organisation = :viewer OR holder = :viewer OR recipient = :viewer)";

    /**
     * The organisation whose entries the caller sees in full: a privacy officer's own organisation;
     * nothing for anyone else (administrators, or an officer whose token names no valid organisation).
     */
    public static Optional<OrganisationId> viewer(Caller caller) {
        return caller.hasRole(Caller.PRIVACY_OFFICER) ? caller.organisation() : Optional.empty();
    }

    /** True if the viewer's organisation is a party to the entry (requester, holder or recipient). */
    public static boolean fullFor(
            Optional<OrganisationId> viewer, String requestingOrganisation, String holder, String recipient) {
        if (viewer.isEmpty()) {
            return false;
        }
        String id = viewer.get().value();
        return id.equals(requestingOrganisation) || id.equals(holder) || id.equals(recipient);
    }

    private LogVisibility() {}
}
