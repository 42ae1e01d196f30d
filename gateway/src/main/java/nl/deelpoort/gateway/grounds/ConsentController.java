package nl.deelpoort.gateway.grounds;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import nl.deelpoort.gateway.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Consent (docs/api.md "Legal grounds"). A BSN only ever travels in a body, never in a URL. */
@RestController
class ConsentController {

    static final String DISCLOSURE_ID = "X-Disclosure-Id";

    private final Consents consents;

    ConsentController(Consents consents) {
        this.consents = consents;
    }

    @PostMapping("/api/v1/consents")
    ResponseEntity<ConsentView> give(Caller caller, @RequestBody(required = false) Bodies.Consent body) {
        ConsentRecord consent = consents.give(caller, body);
        return ResponseEntity.created(URI.create("/api/v1/consents/" + consent.id()))
                .header(DISCLOSURE_ID, Long.toString(consent.disclosureId()))
                .body(ConsentView.of(consent, consents.now()));
    }

    @PostMapping("/api/v1/consents/search")
    ConsentView.Page search(Caller caller, @RequestBody(required = false) Bodies.Search body) {
        List<ConsentRecord> found = consents.search(caller, body);
        Instant now = consents.now();
        return new ConsentView.Page(
                found.stream().map(c -> ConsentView.of(c, now)).toList());
    }

    @GetMapping("/api/v1/consents/{id}")
    ConsentView get(Caller caller, @PathVariable String id) {
        return ConsentView.of(consents.get(caller, id), consents.now());
    }

    @PostMapping("/api/v1/consents/{id}/withdrawal")
    ResponseEntity<ConsentView> withdraw(
            Caller caller, @PathVariable String id, @RequestBody(required = false) Bodies.Withdrawal body) {
        ConsentRecord consent = consents.withdraw(caller, id, body);
        return ResponseEntity.ok()
                .header(DISCLOSURE_ID, Long.toString(consent.withdrawal().disclosureId()))
                .body(ConsentView.of(consent, consents.now()));
    }
}
