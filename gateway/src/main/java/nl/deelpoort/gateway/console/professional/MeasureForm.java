package nl.deelpoort.gateway.console.professional;

import java.util.List;
import nl.deelpoort.gateway.grounds.Requests;

/** The register-measure form as the browser sends it; {@link #request} is {@code POST /api/v1/measures}'s body. */
record MeasureForm(
        String bsn, String birthDate, String type, String courtReference, String validFrom, String validUntil) {

    /** The form's fields top to bottom, as {@link GroundErrors} orders its summary. */
    static final List<String> ORDER = List.of("bsn", "birthDate", "type", "courtReference", "validFrom", "validUntil");

    static MeasureForm empty() {
        return new MeasureForm(null, null, null, null, null, null);
    }

    Requests.Measure request() {
        return new Requests.Measure(
                new Requests.BornSubject(bsn, birthDate),
                ConsentForm.blankToNull(type),
                courtReference,
                validFrom,
                validUntil);
    }

    /** The form field an API path is about. */
    static String field(String apiPath) {
        return apiPath.startsWith("subject.") ? apiPath.substring("subject.".length()) : apiPath;
    }
}
