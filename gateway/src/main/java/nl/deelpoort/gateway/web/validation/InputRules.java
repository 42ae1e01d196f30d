package nl.deelpoort.gateway.web.validation;

/** The sentences of the input rules, each written once; constraints and hand checks use these. */
public final class InputRules {

    public static final String REQUIRED = "is required";
    public static final String NOT_NULL = "must not be null";
    public static final String BODY_REQUIRED = "a JSON body is required";
    public static final String BSN = "must be 9 digits and pass the 11-check (elfproef)";
    public static final String ORGANISATION = "is not an organisation of the sharing framework";
    public static final String UUID = "must be a UUID";
    public static final String DATE = "must be a date yyyy-MM-dd";
    public static final String NO_BSN =
            "must not contain a BSN (nine digits passing the 11-check); refer to the person in another way";

    public static final String NO_CONTROL_CHARACTERS = "must not contain control characters (such as NUL, ESC or a"
            + " bidirectional override); plain text, tabs and line breaks are fine";

    public static String oneOf(Class<? extends Enum<?>> type) {
        return "must be one of " + java.util.List.of(type.getEnumConstants());
    }

    public static String atMost(int characters) {
        return "must be at most " + characters + " characters";
    }

    private InputRules() {}
}
