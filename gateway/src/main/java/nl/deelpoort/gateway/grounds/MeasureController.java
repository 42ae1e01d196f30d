package nl.deelpoort.gateway.grounds;

import java.net.URI;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Child-protection measures (docs/api.md, "Legal grounds"). */
@RestController
record MeasureController(Measures measures, RequestValidator requests) {
    @PostMapping("/api/v1/measures")
    ResponseEntity<MeasureView> register(Caller caller, @RequestBody(required = false) Requests.Measure body) {
        MeasureRecord m = measures.register(caller, requests.valid(body).command());
        return ResponseEntity.created(URI.create("/api/v1/measures/" + m.id()))
                .header(RequestTrace.DISCLOSURE_ID, Long.toString(m.disclosureId()))
                .body(MeasureView.of(m, measures.now()));
    }

    @PostMapping("/api/v1/measures/{id}/end")
    ResponseEntity<MeasureView> end(Caller caller, @PathVariable String id) {
        MeasureRecord m = measures.end(caller, Requests.id(id, "measure"));
        return ResponseEntity.ok()
                .header(RequestTrace.DISCLOSURE_ID, Long.toString(m.end().disclosureId()))
                .body(MeasureView.of(m, measures.now()));
    }
}
