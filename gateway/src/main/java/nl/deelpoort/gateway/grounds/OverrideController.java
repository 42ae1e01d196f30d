package nl.deelpoort.gateway.grounds;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Safety overrides (docs/api.md, "Legal grounds"). */
@RestController
record OverrideController(Overrides overrides, RequestValidator requests) {
    private static final String WHAT = "safety override";

    @PostMapping("/api/v1/overrides")
    ResponseEntity<OverrideView> declare(
            Caller caller, @RequestBody(required = false) Requests.Override body, RequestTrace trace) {
        OverrideRecord o = overrides.declare(caller, trace, requests.valid(body).command());
        trace.logged(o.disclosureId());
        return ResponseEntity.created(URI.create("/api/v1/overrides/" + o.id()))
                .body(OverrideView.of(o, overrides.now()));
    }

    @PostMapping("/api/v1/overrides/{id}/end")
    OverrideView end(Caller caller, @PathVariable String id, RequestTrace trace) {
        OverrideRecord o = overrides.end(caller, trace, Requests.id(id, WHAT));
        trace.logged(o.end().disclosureId());
        return OverrideView.of(o, overrides.now());
    }

    @GetMapping("/api/v1/overrides")
    OverrideView.Page list(
            Caller caller,
            @RequestParam(required = false) String reviewStatus,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Requests.ReviewQuery query = requests.valid(new Requests.ReviewQuery(reviewStatus, page, size));
        Overrides.Page found =
                overrides.list(caller, query.status(), query.pageOrFirst(), Optional.ofNullable(query.size()));
        Instant now = overrides.now();
        return new OverrideView.Page(
                found.overrides().stream().map(o -> OverrideView.of(o, now)).toList(),
                found.page(),
                found.size(),
                found.hasMore());
    }

    @PostMapping("/api/v1/overrides/{id}/review")
    OverrideView review(
            Caller caller,
            @PathVariable String id,
            @RequestBody(required = false) Requests.Review body,
            RequestTrace trace) {
        Requests.Review valid = requests.valid(body);
        OverrideRecord o = overrides.review(caller, trace, valid.command(Requests.id(id, WHAT)));
        trace.logged(o.review().disclosureId());
        return OverrideView.of(o, overrides.now());
    }
}
