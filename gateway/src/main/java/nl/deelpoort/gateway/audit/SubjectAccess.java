package nl.deelpoort.gateway.audit;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.gateway.audit.report.SubjectAccessReports;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.policy.Bsn;
import org.springframework.stereotype.Service;

/**
 * AVG art. 15 for privacy officers, for the API and the console alike: the report about one subject,
 * limited to entries where the officer's organisation is requester, holder or recipient (and, if the
 * organisation forgot the subject before, to its entries since), and, as a separate document, the
 * officer's note on what it leaves out. Each is recorded through the {@link AuditTrail} before
 * anything is answered; looking a subject up creates no pseudonym.
 */
@Service
public class SubjectAccess {

    private final AuditTrail trail;
    private final SubjectAccessReports reports;
    private final Clock clock;

    SubjectAccess(AuditTrail trail, SubjectAccessReports reports, Clock clock) {
        this.trail = trail;
        this.reports = reports;
        this.clock = clock;
    }

    /** The resident's report, to be handed over as it is. */
    public byte[] report(Caller caller, RequestTrace trace, Bsn subject, ReportFormat format) {
        return trail.run(
                caller,
                trace,
                "subject-access-report",
                Optional.of(subject),
                Map.of("format", format.name().toLowerCase(Locale.ROOT)),
                scope -> reports.render(scope, subject, clock.instant(), format));
    }

    /** For the officer alone: how many confidential entries the report leaves out. */
    public OfficerNote officerNote(Caller caller, RequestTrace trace, Bsn subject) {
        return trail.run(caller, trace, "subject-access-officer-note", Optional.of(subject), Map.of(), reports::note);
    }
}
