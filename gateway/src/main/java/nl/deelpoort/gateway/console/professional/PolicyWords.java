package nl.deelpoort.gateway.console.professional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import nl.deelpoort.gateway.decision.DecisionView;
import nl.deelpoort.gateway.web.validation.Values;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Labelled;
import nl.deelpoort.policy.Organisation;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Reason;

/**
 * The professional pages' words that come from the policy module or from data, in the viewer's
 * language: labels of the vocabulary, the rules' sentences, organisation names, dates and times
 * (Dutch time). The pages' own words are in {@code console/professional*.properties}. The grounds
 * templates call it as {@code words} (hence its public methods: Thymeleaf's expressions call public
 * methods only).
 */
final class PolicyWords {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final DateTimeFormatter DATE_NL = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME_NL =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", DUTCH).withZone(Framework.ZONE);
    private static final DateTimeFormatter TIME_EN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH).withZone(Framework.ZONE);

    private final boolean english;
    private final Framework framework;

    private PolicyWords(boolean english, Framework framework) {
        this.english = english;
        this.framework = framework;
    }

    /** Words without organisation names (those take {@link #of(Locale, Framework)}). */
    static PolicyWords of(Locale locale) {
        return new PolicyWords(english(locale), null);
    }

    static PolicyWords of(Locale locale, Framework framework) {
        return new PolicyWords(english(locale), Objects.requireNonNull(framework, "framework"));
    }

    /** English for a viewer who chose it, Dutch for everyone else (the console's default). */
    static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    /** A vocabulary value's label, as written inside a sentence ("opschalen naar het PlusTeam"). */
    public String label(Labelled value) {
        return value == null ? "" : english ? value.labelEn() : value.labelNl();
    }

    public String labels(Collection<? extends Labelled> values) {
        return values.stream().map(this::label).collect(Collectors.joining(", "));
    }

    /** A label standing on its own (an option, a table cell): first letter upper-case. */
    String title(Labelled value) {
        String label = label(value);
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** A stored vocabulary name as {@link #label}; the name itself if the vocabulary no longer has it. */
    <E extends Enum<E> & Labelled> String label(Class<E> type, String name) {
        return Values.constant(type, name).map(this::label).orElse(name);
    }

    /** A stored vocabulary name as {@link #title}; the name itself if the vocabulary no longer has it. */
    <E extends Enum<E> & Labelled> String title(Class<E> type, String name) {
        return Values.constant(type, name).map(this::title).orElse(name);
    }

    String reason(Reason reason) {
        return english ? reason.messageEn() : reason.messageNl();
    }

    String reason(DecisionView.ReasonView reason) {
        return english ? reason.messageEn() : reason.messageNl();
    }

    /** The organisation's name in the framework (names are not translated); its id if it has left it. */
    public String organisation(OrganisationId id) {
        if (id == null) {
            return "";
        }
        Objects.requireNonNull(framework, "these words were made without the framework");
        return framework.organisation(id).map(Organisation::name).orElse(id.value());
    }

    public String organisations(Collection<OrganisationId> ids) {
        return ids.stream().map(this::organisation).collect(Collectors.joining(", "));
    }

    /** The organisation's name in the framework; its id when it is not an id or the framework no longer names it. */
    static String organisation(Framework framework, String id) {
        return OrganisationId.isValid(id)
                ? framework
                        .organisation(OrganisationId.of(id))
                        .map(Organisation::name)
                        .orElse(id)
                : id;
    }

    public String date(LocalDate day) {
        return day == null ? "" : (english ? DATE_EN : DATE_NL).format(day);
    }

    public String time(Instant at) {
        return at == null ? "" : (english ? TIME_EN : TIME_NL).format(at);
    }
}
