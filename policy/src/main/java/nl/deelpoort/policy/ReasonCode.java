package nl.deelpoort.policy;

/**
 * Stable codes for every refusal and condition, each with a message template in Dutch and in
 * English. The templates are written for the professional who asked, not for a developer: they
 * name the flow, the category and the rule, and where possible say what would make it possible.
 */
public enum ReasonCode {
    // ---- refusals of the whole request ----
    UNKNOWN_ORGANISATION(
            Use.DECISION,
            "Organisatie '{organisation}' komt niet voor in het handelingskader; met een onbekende organisatie wordt"
                    + " niets gedeeld.",
            "Organisation '{organisation}' is not part of the sharing framework; nothing is shared with an unknown"
                    + " organisation."),
    PROCESSOR_CANNOT_RECEIVE(
            Use.DECISION,
            "{organisation} is verwerker: het verwerkt gegevens alleen in opdracht van een verwerkingsverantwoordelijke"
                    + " en ontvangt zelf nooit gegevens uit een dossier.",
            "{organisation} is a processor: it only processes data on behalf of a controller and never receives data"
                    + " from a case file itself."),
    ROLE_NOT_HELD(
            Use.DECISION,
            "{organisation} kan niet optreden als {role}. Rollen van {organisation} in het handelingskader: {roles}.",
            "{organisation} cannot act as {role}. Roles of {organisation} in the sharing framework: {roles}."),
    NOT_A_PARTY(
            Use.DECISION,
            "Uw organisatie ({organisation}) is niet de houder ({holder}) en niet de ontvanger ({recipient}) van deze"
                    + " gegevens. Alleen de houder of de ontvanger mag een deling aanvragen.",
            "Your organisation ({organisation}) is neither the holder ({holder}) nor the recipient ({recipient}) of"
                    + " this data. Only the holder or the recipient may ask for a disclosure."),
    SAME_ORGANISATION(
            Use.DECISION,
            "Houder en ontvanger zijn allebei {organisation}. Gegevens binnen één organisatie gaan niet via de"
                    + " deelpoort.",
            "Holder and recipient are both {organisation}. Data within one organisation does not pass through the"
                    + " gateway."),
    ROLE_MISMATCH(
            Use.DECISION,
            "U treedt op als {role}, maar in dit verzoek staat uw organisatie als {side} in de rol {sideRole}. Vraag"
                    + " het verzoek aan in de rol waarin u werkt.",
            "You act as {role}, but this request names your organisation as {side} in the role {sideRole}. Make the"
                    + " request in the role you are working in."),
    NO_FLOW(
            Use.DECISION,
            "Geen afspraak in het handelingskader staat dit toe: {why}",
            "No flow in the sharing framework allows this: {why}"),
    AGREEMENT_NOT_IN_FORCE(
            Use.DECISION,
            "Stroom {flow} valt onder afspraak '{agreement}', die geldt {windows}. Op {time} is die afspraak niet van"
                    + " kracht, dus is er geen grondslag om te delen.",
            "Flow {flow} falls under agreement '{agreement}', which is in force {windows}. On {time} it is not in"
                    + " force, so there is no basis for sharing."),

    // ---- refusals of one category ----
    CATEGORY_NOT_IN_FLOW(
            Use.DECISION,
            "Stroom {flow} ({purpose}) staat het delen van {category} niet toe{special}. Onder deze stroom mag wel:"
                    + " {allowed}.",
            "Flow {flow} ({purpose}) does not allow sharing {category}{special}. This flow does allow: {allowed}."),
    IDENTIFYING_NOT_ALLOWED(
            Use.DECISION,
            "Stroom {flow} ({purpose}) is bedoeld om te overleggen zonder dat de persoon herkenbaar is; {category}"
                    + " maakt de persoon herkenbaar en wordt daarom niet gedeeld.",
            "Flow {flow} ({purpose}) is meant for consulting without the person being recognisable; {category}"
                    + " identifies the person and is therefore not shared."),
    CONSENT_MISSING(
            Use.DECISION,
            "Stroom {flow} ({purpose}) vraagt toestemming van de betrokkene, en er is geen toestemming vastgelegd"
                    + " die delen met {recipient} dekt.",
            "Flow {flow} ({purpose}) needs the subject's consent, and no recorded consent covers sharing with"
                    + " {recipient}."),
    CONSENT_WITHDRAWN(
            Use.DECISION,
            "Toestemming {consent} is ingetrokken op {at}. Vanaf dat moment mag op grond daarvan niets meer worden"
                    + " gedeeld (stroom {flow}).",
            "Consent {consent} was withdrawn on {at}. From that moment nothing may be shared on it (flow {flow})."),
    CONSENT_EXPIRED(
            Use.DECISION,
            "Toestemming {consent} gold tot {until} en is verlopen; vraag opnieuw toestemming om te delen (stroom"
                    + " {flow}).",
            "Consent {consent} was valid until {until} and has expired; ask for consent again to share (flow"
                    + " {flow})."),
    CONSENT_NOT_YET_VALID(
            Use.DECISION,
            "Toestemming {consent} geldt pas vanaf {from}; tot dan kan daarop niets worden gedeeld (stroom {flow}).",
            "Consent {consent} only applies from {from}; until then nothing can be shared on it (flow {flow})."),
    CONSENT_SCOPE(
            Use.DECISION,
            "Toestemming {consent} dekt deze deling onder stroom {flow} niet: {detail}.",
            "Consent {consent} does not cover this disclosure under flow {flow}: {detail}."),
    MEASURE_MISSING(
            Use.DECISION,
            "Stroom {flow} geldt alleen bij een lopende maatregel (OTS, voogdij of jeugdreclassering) voor deze"
                    + " jeugdige, geregistreerd door {recipient}. {detail}",
            "Flow {flow} only applies while a measure (supervision order, guardianship or juvenile probation) for"
                    + " this minor, registered by {recipient}, is in force. {detail}"),
    OVERRIDE_UNKNOWN(
            Use.DECISION,
            "Veiligheidsdoorbraak {override} is voor deze persoon niet bekend; er wordt niets op grond daarvan"
                    + " gedeeld.",
            "Safety override {override} is not known for this person; nothing is shared on it."),
    OVERRIDE_NOT_ALLOWED(
            Use.DECISION,
            "Stroom {flow} ({purpose}) kan niet met een veiligheidsdoorbraak worden doorbroken; alleen toestemming"
                    + " van de betrokkene geeft hier een grondslag.",
            "Flow {flow} ({purpose}) cannot be overridden for safety; only the subject's consent provides a basis"
                    + " here."),
    OVERRIDE_EXPIRED(
            Use.DECISION,
            "Veiligheidsdoorbraak {override} {state} op {at}; daarna geeft die geen grondslag meer om te delen.",
            "Safety override {override} {state} on {at}; after that it is no basis for sharing."),
    OVERRIDE_SCOPE(
            Use.DECISION,
            "Veiligheidsdoorbraak {override} dekt dit niet: {detail}.",
            "Safety override {override} does not cover this: {detail}."),

    // ---- what a general question ("is there a flow at all?") would need for a real person ----
    CONSENT_REQUIRED(
            Use.CONDITION,
            "Voor een concrete persoon is onder stroom {flow} toestemming van de betrokkene nodig voor delen met"
                    + " {recipient} voor {purpose}{overridable}.",
            "For an actual person, flow {flow} needs the subject's consent to share with {recipient} for"
                    + " {purpose}{overridable}."),
    MEASURE_REQUIRED(
            Use.CONDITION,
            "Voor een concrete jeugdige is onder stroom {flow} een lopende maatregel nodig, geregistreerd door"
                    + " {recipient}.",
            "For an actual minor, flow {flow} needs a measure in force, registered by {recipient}."),

    // ---- recording a consent ----
    CONSENT_GIVER_NOT_COMPETENT(
            Use.CONSENT_RECORDING,
            "Deze toestemming is niet door de juiste persoon gegeven. {rule} Gegeven door: {givers}.",
            "This consent was not given by the right person. {rule} Given by: {givers}."),
    CONSENT_VALIDITY_INVALID(
            Use.CONSENT_RECORDING,
            "Een toestemming moet na haar begin eindigen en geldt ten hoogste {max}; gevraagd: van {from} tot {until}.",
            "A consent must end after it starts and lasts at most {max}; requested: from {from} until {until}."),

    // ---- declaring a safety override ----
    OVERRIDE_DECLARER_NOT_ALLOWED(
            Use.OVERRIDE_DECLARATION,
            "Een {kind} mag geen veiligheidsdoorbraak vastleggen; dat mogen: {kinds}.",
            "A {kind} may not declare a safety override; these may: {kinds}."),
    OVERRIDE_JUSTIFICATION_TOO_SHORT(
            Use.OVERRIDE_DECLARATION,
            "Licht de veiligheidsdoorbraak schriftelijk toe in ten minste {min} tekens; nu zijn het er {length}.",
            "Justify the safety override in writing in at least {min} characters; it now has {length}."),
    OVERRIDE_RISK_LEVEL_INVALID(
            Use.OVERRIDE_DECLARATION,
            "Een veiligheidsdoorbraak vraagt een risiconiveau uit: {levels}.",
            "A safety override needs a risk level out of: {levels}."),
    OVERRIDE_DURATION_INVALID(
            Use.OVERRIDE_DECLARATION,
            "Een veiligheidsdoorbraak duurt langer dan 0 en ten hoogste {max} uur; gevraagd: {hours} uur.",
            "A safety override lasts more than 0 and at most {max} hours; requested: {hours} hours.");

    /** Where a code is produced, so that tests can check each one is exercised where it belongs. */
    public enum Use {
        /** A refusal by {@link DecisionEngine}. */
        DECISION,
        /** A condition the engine reports when asked without a subject. */
        CONDITION,
        /** A refusal by {@link ConsentGiverRules}. */
        CONSENT_RECORDING,
        /** A refusal by {@link OverrideRules}. */
        OVERRIDE_DECLARATION
    }

    private final Use use;
    private final String templateNl;
    private final String templateEn;

    ReasonCode(Use use, String templateNl, String templateEn) {
        this.use = use;
        this.templateNl = templateNl;
        this.templateEn = templateEn;
    }

    public Use use() {
        return use;
    }

    public String templateNl() {
        return templateNl;
    }

    public String templateEn() {
        return templateEn;
    }

    /** Fills both templates from name/value pairs, e.g. {@code reason("flow", "F1", "category", Category.HEALTH)}. */
    Reason reason(Object... namedArgs) {
        return new Reason(this, Text.render(templateNl, true, namedArgs), Text.render(templateEn, false, namedArgs));
    }
}
