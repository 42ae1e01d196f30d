package nl.deelpoort.gateway.console.professional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.deelpoort.gateway.grounds.Requests;
import nl.deelpoort.gateway.web.InvalidField;

/**
 * The declare-override form as the browser sends it; {@link #request} is the body {@code POST
 * /api/v1/overrides} takes. The numbers are typed as text (a number field would hand the server an
 * empty value for "abc", and an empty duration means the default).
 */
record OverrideForm(
        String bsn,
        String purpose,
        List<String> recipients,
        List<String> categories,
        String justification,
        String riskLevel,
        String meldcodeStep,
        String durationHours) {

    /** The form's fields top to bottom, as {@link GroundErrors} orders its summary. */
    static final List<String> ORDER = List.of(
            "bsn",
            "purpose",
            "recipients",
            "categories",
            "justification",
            "riskLevel",
            "meldcodeStep",
            "durationHours");

    /** What the problem names when a number field holds no whole number (the bundle words it per field). */
    static final String NOT_A_NUMBER = "must be a whole number";

    OverrideForm {
        recipients = ConsentForm.orEmpty(recipients);
        categories = ConsentForm.orEmpty(categories);
    }

    static OverrideForm empty() {
        return new OverrideForm(null, null, null, null, null, null, null, null);
    }

    /** The body, a number field that holds no whole number left out ({@link #numberProblems} names it). */
    Requests.Override request() {
        return new Requests.Override(
                new Requests.Subject(bsn),
                ConsentForm.blankToNull(purpose),
                recipients,
                categories,
                ConsentForm.blankToNull(riskLevel),
                justification,
                number(meldcodeStep).orElse(null),
                number(durationHours).orElse(null));
    }

    /** The number fields that hold something other than a whole number; blank is no number, not a problem. */
    List<InvalidField> numberProblems() {
        List<InvalidField> problems = new ArrayList<>(2);
        if (number(meldcodeStep).isEmpty() && !blank(meldcodeStep)) {
            problems.add(new InvalidField("meldcodeStep", NOT_A_NUMBER));
        }
        if (number(durationHours).isEmpty() && !blank(durationHours)) {
            problems.add(new InvalidField("durationHours", NOT_A_NUMBER));
        }
        return problems;
    }

    /** The form field an API path is about. */
    static String field(String apiPath) {
        if (apiPath.startsWith("subject.")) {
            return "bsn";
        }
        int bracket = apiPath.indexOf('[');
        return bracket < 0 ? apiPath : apiPath.substring(0, bracket);
    }

    private static Optional<Integer> number(String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.valueOf(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
