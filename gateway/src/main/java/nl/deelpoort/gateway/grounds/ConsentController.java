package nl.deelpoort.gateway.grounds;

import java.net.URI;
import java.time.Instant;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Consent (docs/api.md, "Legal grounds"). A BSN only ever travels in a body, never in a URL. */
@RestController
record ConsentController(Consents consents, RequestValidator requests) {
    @PostMapping("/api/v1/consents")
    ResponseEntity<ConsentView> give(
            Caller caller, @RequestBody(required = false) Requests.Consent body, RequestTrace trace) {
        ConsentRecord consent =
                consents.give(caller, trace, requests.valid(body).command());
        trace.logged(consent.disclosureId());
        return ResponseEntity.created(URI.create("/api/v1/consents/" + consent.id()))
                .body(ConsentView.of(consent, consents.now()));
    }

    @PostMapping("/api/v1/consents/search")
    ConsentView.Page search(Caller caller, @RequestBody(required = false) Requests.Search body) {
        Instant now = consents.now();
        return new ConsentView.Page(consents.search(caller, requests.valid(body).command()).stream()
                .map(c -> ConsentView.of(c, now))
                .toList());
    }

    /** Privacy officers: the consents their organisation recorded unverified, to review (newest first). */
    @GetMapping("/api/v1/consents/unverified")
    ConsentView.Page unverified(Caller caller) {
        Instant now = consents.now();
        return new ConsentView.Page(consents.unverified(caller).stream()
                .map(c -> ConsentView.of(c, now))
                .toList());
    }

    @GetMapping("/api/v1/consents/{id}")
    ConsentView get(Caller caller, @PathVariable String id) {
        return ConsentView.of(consents.get(caller, Requests.id(id, "consent")), consents.now());
    }

    @PostMapping("/api/v1/consents/{id}/withdrawal")
    ConsentView withdraw(
            Caller caller,
            @PathVariable String id,
            @RequestBody(required = false) Requests.Withdrawal body,
            RequestTrace trace) {
        Requests.Withdrawal valid = requests.valid(body);
        ConsentRecord consent = consents.withdraw(caller, trace, valid.command(Requests.id(id, "consent")));
        trace.logged(consent.withdrawal().disclosureId());
        return ConsentView.of(consent, consents.now());
    }
}
