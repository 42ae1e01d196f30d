package nl.deelpoort.gateway.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.deelpoort.gateway.audit.AuditTrail.Audited;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.DisclosureHeader;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.TraceContext;
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
            @RequestBody(required = false) AuditRequests.SearchRequest body,
            Caller caller,
            HttpServletRequest http,
            HttpServletResponse response) {
        List<InvalidField> problems = new ArrayList<>(requests.problems(body));
        if (body != null && body.tooDeep()) {
            problems.add(new InvalidField("page", AuditRequests.DEPTH));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return answer(audits.search(caller, TraceContext.of(http), body.command()), response);
    }

    @PostMapping("/api/v1/audit/timeline")
    Audits.TimelineResponse timeline(
            @RequestBody(required = false) AuditRequests.TimelineRequest body,
            Caller caller,
            HttpServletRequest http,
            HttpServletResponse response) {
        return answer(
                audits.timeline(
                        caller, TraceContext.of(http), requests.valid(body).command()),
                response);
    }

    @PostMapping("/api/v1/audit/sample")
    Audits.SampleResponse sample(
            @RequestBody(required = false) AuditRequests.SampleRequest body,
            Caller caller,
            HttpServletRequest http,
            HttpServletResponse response) {
        return answer(
                audits.sample(
                        caller, TraceContext.of(http), requests.valid(body).command()),
                response);
    }

    @GetMapping("/api/v1/audit/statistics")
    Audits.StatisticsResponse statistics(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Caller caller,
            HttpServletRequest http,
            HttpServletResponse response) {
        Period.Closed period = requests.valid(new Period.Closed(from, to));
        AuditFilter filter = AuditFilter.of(Optional.empty(), period.start(), period.end());
        return answer(audits.statistics(caller, TraceContext.of(http), filter), response);
    }

    private static <T> T answer(Audited<T> audited, HttpServletResponse response) {
        DisclosureHeader.set(response, audited.disclosureId());
        return audited.result();
    }
}
