package nl.deelpoort.gateway.console.resident;

import nl.deelpoort.gateway.audit.ResidentHistory;
import nl.deelpoort.gateway.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The resident's own subject-access report: a page that explains it, and the PDF. */
@Controller
record MyReportController(ResidentHistory history) {

    /** The file name names no one: the download sits in a shared downloads folder as easily as not. */
    static final String FILE_NAME = "mijn-gegevens-deelpoort.pdf";

    @GetMapping("/console/me/report")
    String page() {
        return "console/resident/report";
    }

    @GetMapping("/console/me/report/pdf")
    ResponseEntity<byte[]> pdf(Caller caller) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(FILE_NAME)
                                .build()
                                .toString())
                .body(history.report(caller));
    }
}
