package nl.deelpoort.gateway.console.professional;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.deelpoort.gateway.grounds.Requests;

/**
 * The record-consent form as the browser sends it. The people who gave consent are rows of a role
 * and a name; a row left empty is no one. {@link #request} is the body {@code POST /api/v1/consents}
 * takes, so the page and the API share every input rule. The template reads its rows through the
 * public methods (Thymeleaf's expressions call public methods only).
 *
 * @param giverRole one per row, {@code ""} when not chosen
 * @param giverName one per row, {@code ""} when not filled
 * @param giverBsn one per row, {@code ""} when not filled: a parent's or guardian's BSN, compared with the
 *     population register's answer on authority and then dropped
 */
record ConsentForm(
        String bsn,
        String birthDate,
        List<String> giverRole,
        List<String> giverName,
        List<String> giverBsn,
        List<String> purposes,
        List<String> recipients,
        List<String> holders,
        List<String> categories,
        String validFrom,
        String validUntil,
        String method,
        String evidenceReference) {

    /** Rows offered for the people who gave consent: a child and both parents fit. */
    static final int ROWS = 3;

    /** The form's fields top to bottom, as {@link GroundErrors} orders its summary. */
    static final List<String> ORDER = List.of(
            "bsn",
            "birthDate",
            "givenBy",
            "giverRole",
            "giverName",
            "giverBsn",
            "purposes",
            "recipients",
            "holders",
            "categories",
            "validFrom",
            "validUntil",
            "method",
            "evidenceReference");

    private static final Pattern GIVER = Pattern.compile("givenBy\\[(\\d+)](?:\\.(role|name|bsn))?");

    ConsentForm {
        giverRole = orEmpty(giverRole);
        giverName = orEmpty(giverName);
        giverBsn = orEmpty(giverBsn);
        purposes = orEmpty(purposes);
        recipients = orEmpty(recipients);
        holders = orEmpty(holders);
        categories = orEmpty(categories);
    }

    static ConsentForm empty() {
        return new ConsentForm(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** How many giver rows to show: at least {@link #ROWS}, and every row that was sent. */
    public int rows() {
        return Math.max(ROWS, Math.max(giverRole.size(), Math.max(giverName.size(), giverBsn.size())));
    }

    public String role(int row) {
        return row < giverRole.size() ? giverRole.get(row) : "";
    }

    public String name(int row) {
        return row < giverName.size() ? giverName.get(row) : "";
    }

    public String giverBsn(int row) {
        return row < giverBsn.size() ? giverBsn.get(row) : "";
    }

    Requests.Consent request() {
        List<Requests.Giver> givers = new ArrayList<>();
        for (int row : filledRows()) {
            givers.add(new Requests.Giver(blankToNull(role(row)), blankToNull(name(row)), blankToNull(giverBsn(row))));
        }
        return new Requests.Consent(
                new Requests.ConsentSubject(bsn, blankToNull(birthDate)),
                givers,
                purposes,
                recipients,
                holders,
                categories,
                validFrom,
                validUntil,
                method,
                evidenceReference);
    }

    /**
     * The form field an API path is about: {@code givenBy[1].role} is the role of the second filled
     * row, whichever row of the form that is.
     */
    String field(String apiPath) {
        if (apiPath.startsWith("subject.")) {
            return apiPath.substring("subject.".length());
        }
        Matcher giver = GIVER.matcher(apiPath);
        if (giver.matches()) {
            int index = Integer.parseInt(giver.group(1));
            List<Integer> rows = filledRows();
            if (index >= rows.size()) {
                return "givenBy";
            }
            if (giver.group(2) == null) {
                // A refusal of this giver as a whole (the register's authority check): shown at their role.
                return "giverRole-" + rows.get(index);
            }
            String prefix = switch (giver.group(2)) {
                case "role" -> "giverRole-";
                case "bsn" -> "giverBsn-";
                default -> "giverName-";
            };
            return prefix + rows.get(index);
        }
        int bracket = apiPath.indexOf('[');
        return bracket < 0 ? apiPath : apiPath.substring(0, bracket);
    }

    private List<Integer> filledRows() {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < rows(); row++) {
            if (!role(row).isBlank() || !name(row).isBlank() || !giverBsn(row).isBlank()) {
                rows.add(row);
            }
        }
        return rows;
    }

    static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
