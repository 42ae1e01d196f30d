package nl.deelpoort.gateway.console.professional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.deelpoort.gateway.decision.DecisionView;
import nl.deelpoort.gateway.web.validation.Values;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Labelled;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Reason;

/**
 * The exchange pages' words that come from the policy module or from data: labels of the
 * vocabulary, the rules' sentences, organisation names and dates, each in the viewer's language.
 * The pages' own words are in {@code console/professional*.properties}.
 */
final class ExchangeWords {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final DateTimeFormatter DATE_NL = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME_NL =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", DUTCH).withZone(Framework.ZONE);
    private static final DateTimeFormatter TIME_EN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH).withZone(Framework.ZONE);

    private final boolean english;

    private ExchangeWords(boolean english) {
        this.english = english;
    }

    /** English for a viewer who chose it, Dutch for everyone else (the console's default). */
    static ExchangeWords of(Locale locale) {
        return new ExchangeWords("en".equals(locale.getLanguage()));
    }

    /** A vocabulary value's label, as written inside a sentence ("opschalen naar het PlusTeam"). */
    String label(Labelled value) {
        return english ? value.labelEn() : value.labelNl();
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

    /** The organisation's name in the framework; its id when the framework no longer names it. */
    static String organisation(Framework framework, String id) {
        return OrganisationId.isValid(id)
                ? framework
                        .organisation(OrganisationId.of(id))
                        .map(o -> o.name())
                        .orElse(id)
                : id;
    }

    String date(LocalDate date) {
        return (english ? DATE_EN : DATE_NL).format(date);
    }

    String dateTime(Instant time) {
        return (english ? TIME_EN : TIME_NL).format(time);
    }
}
