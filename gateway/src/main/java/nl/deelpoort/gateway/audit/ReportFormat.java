package nl.deelpoort.gateway.audit;

/** The formats of a subject-access report ({@code POST /api/v1/audit/subject-access-report}). */
public enum ReportFormat {
    JSON("application/json", "inzageoverzicht.json"),
    CSV("text/csv;charset=UTF-8;header=present", "inzageoverzicht.csv"),
    PDF("application/pdf", "inzageoverzicht.pdf");

    private final String contentType;
    private final String fileName;

    ReportFormat(String contentType, String fileName) {
        this.contentType = contentType;
        this.fileName = fileName;
    }

    public String contentType() {
        return contentType;
    }

    /** The name a download is saved under: it names no subject. */
    public String fileName() {
        return fileName;
    }
}
