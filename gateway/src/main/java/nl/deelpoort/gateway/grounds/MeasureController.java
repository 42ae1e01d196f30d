package nl.deelpoort.gateway.grounds;

import java.net.URI;
import nl.deelpoort.gateway.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Child-protection measures (docs/api.md "Legal grounds"). */
@RestController
class MeasureController {

    private final Measures measures;

    MeasureController(Measures measures) {
        this.measures = measures;
    }

    @PostMapping("/api/v1/measures")
    ResponseEntity<MeasureView> register(Caller caller, @RequestBody(required = false) Bodies.Measure body) {
        MeasureRecord m = measures.register(caller, body);
        return ResponseEntity.created(URI.create("/api/v1/measures/" + m.id()))
                .header(ConsentController.DISCLOSURE_ID, Long.toString(m.disclosureId()))
                .body(MeasureView.of(m, measures.now()));
    }

    @PostMapping("/api/v1/measures/{id}/end")
    ResponseEntity<MeasureView> end(Caller caller, @PathVariable String id) {
        MeasureRecord m = measures.end(caller, id);
        return ResponseEntity.ok()
                .header(ConsentController.DISCLOSURE_ID, Long.toString(m.end().disclosureId()))
                .body(MeasureView.of(m, measures.now()));
    }
}
