package nl.deelpoort.policy;

/**
 * Stable codes for every refusal and condition. The sentence of each code, in Dutch and English, is
 * in {@code reasons_nl/en.properties} under the code's name ({@link Wording}).
 */
public enum ReasonCode {
    // ---- refusals of the whole request ----
    UNKNOWN_ORGANISATION(Use.DECISION),
    PROCESSOR_CANNOT_RECEIVE(Use.DECISION),
    ROLE_NOT_HELD(Use.DECISION),
    NOT_A_PARTY(Use.DECISION),
    SAME_ORGANISATION(Use.DECISION),
    ROLE_MISMATCH(Use.DECISION),
    NO_FLOW(Use.DECISION),
    AGREEMENT_NOT_IN_FORCE(Use.DECISION),

    // ---- refusals of one category ----
    CATEGORY_NOT_IN_FLOW(Use.DECISION),
    IDENTIFYING_NOT_ALLOWED(Use.DECISION),
    CONSENT_MISSING(Use.DECISION),
    CONSENT_WITHDRAWN(Use.DECISION),
    CONSENT_EXPIRED(Use.DECISION),
    CONSENT_NOT_YET_VALID(Use.DECISION),
    CONSENT_SCOPE(Use.DECISION),
    MEASURE_MISSING(Use.DECISION),
    OVERRIDE_UNKNOWN(Use.DECISION),
    OVERRIDE_NOT_ALLOWED(Use.DECISION),
    OVERRIDE_EXPIRED(Use.DECISION),
    OVERRIDE_SCOPE(Use.DECISION),

    // ---- what a general question ("is there a flow at all?") would need for a real person ----
    CONSENT_REQUIRED(Use.CONDITION),
    MEASURE_REQUIRED(Use.CONDITION),

    // ---- recording a consent ----
    CONSENT_GIVER_NOT_COMPETENT(Use.CONSENT_RECORDING),
    CONSENT_VALIDITY_INVALID(Use.CONSENT_RECORDING),
    CONSENT_NOT_ASKED(Use.CONSENT_RECORDING),
    CONSENT_WIDER_THAN_FLOWS(Use.CONSENT_RECORDING),
    CONSENT_RECORDER_NOT_A_PARTY(Use.CONSENT_RECORDING),
    CONSENT_BIRTH_DATE_MISMATCH(Use.CONSENT_RECORDING),
    CONSENT_SUBJECT_NOT_REGISTERED(Use.CONSENT_RECORDING),

    // ---- registering a child-protection measure ----
    MEASURE_REGISTRAR_NOT_ALLOWED(Use.MEASURE_REGISTRATION),
    MEASURE_VALIDITY_INVALID(Use.MEASURE_REGISTRATION),
    MEASURE_SUBJECT_NOT_A_MINOR(Use.MEASURE_REGISTRATION),
    MEASURE_ENDS_AT_MAJORITY(Use.MEASURE_REGISTRATION),

    // ---- declaring a safety override ----
    OVERRIDE_DECLARER_NOT_ALLOWED(Use.OVERRIDE_DECLARATION),
    OVERRIDE_JUSTIFICATION_TOO_SHORT(Use.OVERRIDE_DECLARATION),
    OVERRIDE_RISK_LEVEL_INVALID(Use.OVERRIDE_DECLARATION),
    OVERRIDE_DURATION_INVALID(Use.OVERRIDE_DECLARATION),
    OVERRIDE_FOR_OWN_ORGANISATION(Use.OVERRIDE_DECLARATION),
    OVERRIDE_DECLARER_NOT_HOLDER(Use.OVERRIDE_DECLARATION);

    /** Where a code is produced, so that tests can check each one is exercised where it belongs. */
    public enum Use {
        /** A refusal by {@link DecisionEngine}. */
        DECISION,
        /** A condition the engine reports when asked without a subject. */
        CONDITION,
        /** A refusal by {@link ConsentGiverRules} or {@link ConsentScopeRules}. */
        CONSENT_RECORDING,
        /** A refusal by {@link MeasureRules}. */
        MEASURE_REGISTRATION,
        /** A refusal by {@link OverrideRules}. */
        OVERRIDE_DECLARATION
    }

    private final Use use;
    private final Text template;

    ReasonCode(Use use) {
        this.use = use;
        this.template = Wording.of(name());
    }

    public Use use() {
        return use;
    }

    public String templateNl() {
        return template.nl();
    }

    public String templateEn() {
        return template.en();
    }

    /** Fills both templates from name/value pairs, e.g. {@code reason("flow", "F1", "category", Category.HEALTH)}. */
    Reason reason(Object... namedArgs) {
        Text sentence = template.fill(namedArgs);
        return new Reason(this, sentence.nl(), sentence.en());
    }
}
