package nl.deelpoort.gateway.audit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.deelpoort.gateway.audit.report.Releases;
import nl.deelpoort.gateway.audit.report.SubjectAccessReports;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.policy.Bsn;
import org.springframework.stereotype.Service;

/**
 * A resident's own history, for the API ({@code GET /api/v1/me/disclosures}) and the console alike:
 * who received their data, and their own subject-access report. The subject comes from the verified
 * token alone (never from the request), so a resident cannot ask about anyone else; confidential
 * entries (Veilig Thuis, UAVG art. 41) never show. A resident without history gets nothing, and no
 * pseudonym is created for them.
 *
 * <p>Looking is not logged: it discloses nothing to anyone but the subject, and an {@code AUDIT_QUERY}
 * entry carrying their pseudonym would tell privacy officers, who search by subject, when a resident
 * looked at their own data, which is none of their business; it would also fill the append-only log
 * with page views.
 */
@Service
public class ResidentHistory {

    private final SubjectPseudonyms pseudonyms;
    private final Releases releases;
    private final SubjectAccessReports reports;
    private final Clock clock;

    ResidentHistory(SubjectPseudonyms pseudonyms, Releases releases, SubjectAccessReports reports, Clock clock) {
        this.pseudonyms = pseudonyms;
        this.releases = releases;
        this.reports = reports;
        this.clock = clock;
    }

    /** The resident's non-confidential releases, newest first. */
    public List<Release> disclosures(Caller caller) {
        return pseudonyms
                .existingPseudonym(caller.requireBsn())
                .map(p -> releases.of(p, Optional.empty(), -1))
                .orElse(List.of())
                .stream()
                .filter(r -> !r.confidential())
                .toList();
    }

    /** The resident's own subject-access report, as an accessible PDF. */
    public byte[] report(Caller caller) {
        Bsn bsn = caller.requireBsn();
        return reports.own(bsn, pseudonyms.existingPseudonym(bsn), clock.instant());
    }
}
