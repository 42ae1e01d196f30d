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
    ResponseEntity<MeasureView> register(
            Caller caller, @RequestBody(required = false) Requests.Measure body, RequestTrace trace) {
        MeasureRecord m = measures.register(caller, trace, requests.valid(body).command());
        trace.logged(m.disclosureId());
        return ResponseEntity.created(URI.create("/api/v1/measures/" + m.id())).body(MeasureView.of(m, measures.now()));
    }

    @PostMapping("/api/v1/measures/{id}/end")
    MeasureView end(Caller caller, @PathVariable String id, RequestTrace trace) {
        MeasureRecord m = measures.end(caller, trace, Requests.id(id, "measure"));
        trace.logged(m.end().disclosureId());
        return MeasureView.of(m, measures.now());
    }
}
