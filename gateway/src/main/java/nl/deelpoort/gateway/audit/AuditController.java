package nl.deelpoort.gateway.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The privacy officers' audit calls (docs/api.md, "Log and audit"); see package-info for the rules. */
@RestController
record AuditController(RequestValidator requests, Audits audits) {
    @PostMapping("/api/v1/audit/disclosures/search")
    Audits.SearchResponse search(
            @RequestBody(required = false) AuditRequests.SearchRequest body, Caller caller, RequestTrace trace) {
        List<InvalidField> problems = new ArrayList<>(requests.problems(body));
        if (body != null && body.tooDeep()) {
            problems.add(new InvalidField("page", AuditRequests.DEPTH));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return audits.search(caller, trace, body.command());
    }

    @PostMapping("/api/v1/audit/timeline")
    Audits.TimelineResponse timeline(
            @RequestBody(required = false) AuditRequests.TimelineRequest body, Caller caller, RequestTrace trace) {
        return audits.timeline(caller, trace, requests.valid(body).command());
    }

    @PostMapping("/api/v1/audit/sample")
    Audits.SampleResponse sample(
            @RequestBody(required = false) AuditRequests.SampleRequest body, Caller caller, RequestTrace trace) {
        return audits.sample(caller, trace, requests.valid(body).command());
    }

    @GetMapping("/api/v1/audit/statistics")
    Audits.StatisticsResponse statistics(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Caller caller,
            RequestTrace trace) {
        Period.Closed period = requests.valid(new Period.Closed(from, to));
        AuditFilter filter = AuditFilter.of(Optional.empty(), period.start(), period.end());
        return audits.statistics(caller, trace, filter);
    }
}
