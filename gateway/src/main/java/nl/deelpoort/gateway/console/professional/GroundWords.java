package nl.deelpoort.gateway.console.professional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Labelled;
import nl.deelpoort.policy.Organisation;
import nl.deelpoort.policy.OrganisationId;

/**
 * The grounds pages' words that come from the policy module or from data, in the viewer's language:
 * labels of the vocabulary, organisation names, dates and times (Dutch time). The pages' own words
 * are in {@code console/professional*.properties}. Templates call it as {@code words} (hence its
 * public methods: Thymeleaf's expressions call public methods only).
 */
final class GroundWords {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final DateTimeFormatter DATE_NL = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME_NL =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", DUTCH).withZone(Framework.ZONE);
    private static final DateTimeFormatter TIME_EN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH).withZone(Framework.ZONE);

    private final boolean english;
    private final Framework framework;

    private GroundWords(boolean english, Framework framework) {
        this.english = english;
        this.framework = framework;
    }

    static GroundWords of(Locale locale, Framework framework) {
        return new GroundWords(english(locale), framework);
    }

    /** English for a viewer who chose it, Dutch for everyone else (the console's default). */
    static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    public String label(Labelled value) {
        return value == null ? "" : english ? value.labelEn() : value.labelNl();
    }

    public String labels(Collection<? extends Labelled> values) {
        return values.stream().map(this::label).collect(Collectors.joining(", "));
    }

    /** The organisation's name in the framework (names are not translated); its id if it has left it. */
    public String organisation(OrganisationId id) {
        return id == null
                ? ""
                : framework.organisation(id).map(Organisation::name).orElse(id.value());
    }

    public String organisations(Collection<OrganisationId> ids) {
        return ids.stream().map(this::organisation).collect(Collectors.joining(", "));
    }

    public String date(LocalDate day) {
        return day == null ? "" : (english ? DATE_EN : DATE_NL).format(day);
    }

    public String time(Instant at) {
        return at == null ? "" : (english ? TIME_EN : TIME_NL).format(at);
    }
}
