package nl.deelpoort.gateway.grounds;

import java.net.URI;
import java.time.Instant;
import nl.deelpoort.gateway.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Safety overrides (docs/api.md "Legal grounds"). */
@RestController
class OverrideController {

    private final Overrides overrides;

    OverrideController(Overrides overrides) {
        this.overrides = overrides;
    }

    @PostMapping("/api/v1/overrides")
    ResponseEntity<OverrideView> declare(Caller caller, @RequestBody(required = false) Bodies.Override body) {
        OverrideRecord o = overrides.declare(caller, body);
        return ResponseEntity.created(URI.create("/api/v1/overrides/" + o.id()))
                .header(ConsentController.DISCLOSURE_ID, Long.toString(o.disclosureId()))
                .body(OverrideView.of(o, overrides.now()));
    }

    @PostMapping("/api/v1/overrides/{id}/end")
    ResponseEntity<OverrideView> end(Caller caller, @PathVariable String id) {
        OverrideRecord o = overrides.end(caller, id);
        return ResponseEntity.ok()
                .header(ConsentController.DISCLOSURE_ID, Long.toString(o.end().disclosureId()))
                .body(OverrideView.of(o, overrides.now()));
    }

    @GetMapping("/api/v1/overrides")
    OverrideView.Page list(Caller caller, @RequestParam(required = false) String reviewStatus) {
        Instant now = overrides.now();
        return new OverrideView.Page(overrides.list(caller, reviewStatus).stream()
                .map(o -> OverrideView.of(o, now))
                .toList());
    }

    @PostMapping("/api/v1/overrides/{id}/review")
    ResponseEntity<OverrideView> review(
            Caller caller, @PathVariable String id, @RequestBody(required = false) Bodies.Review body) {
        OverrideRecord o = overrides.review(caller, id, body);
        return ResponseEntity.ok()
                .header(
                        ConsentController.DISCLOSURE_ID,
                        Long.toString(o.review().disclosureId()))
                .body(OverrideView.of(o, overrides.now()));
    }
}
