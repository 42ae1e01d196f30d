package nl.deelpoort.gateway.console.officer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.deelpoort.policy.ActingRole;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Labelled;
import nl.deelpoort.policy.LegalBasis;
import nl.deelpoort.policy.Organisation;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.OrganisationKind;
import nl.deelpoort.policy.Purpose;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words for codes on the officer's pages, in the viewer's language. The vocabulary of the policy
 * module (purposes, categories, legal bases, roles, kinds of organisation) is worded there and taken
 * as it is; codes the policy module does not label (kinds of log entry, decisions, reason codes, AVG
 * roles) are named in the officer bundle. A code without a label is shown as it is, never hidden.
 */
@Component
record Labels(MessageSource messages, Framework framework) {

    String kind(String code, Locale locale) {
        return bundle("officer.kind.", code, locale);
    }

    String decision(String code, Locale locale) {
        return bundle("officer.decision.", code, locale);
    }

    String reason(String code, Locale locale) {
        return bundle("officer.reason.", code, locale);
    }

    String purpose(String code, Locale locale) {
        return labelled(Purpose.class, code, locale);
    }

    String legalBasis(String code, Locale locale) {
        return labelled(LegalBasis.class, code, locale);
    }

    String actingRole(String code, Locale locale) {
        return labelled(ActingRole.class, code, locale);
    }

    String category(String code, Locale locale) {
        return labelled(Category.class, code, locale);
    }

    String categories(Collection<?> codes, Locale locale) {
        List<String> words = new ArrayList<>();
        codes.forEach(c -> words.add(category(String.valueOf(c), locale)));
        return String.join(", ", words);
    }

    String organisationKind(OrganisationKind kind, Locale locale) {
        return label(kind, locale);
    }

    /** An organisation by its name in the framework; an id the framework does not know as it is. */
    String organisation(String id) {
        if (id == null || !OrganisationId.isValid(id)) {
            return id;
        }
        return framework
                .organisation(OrganisationId.of(id))
                .map(Organisation::name)
                .orElse(id);
    }

    /** An organisation and the role it acted in: "GR PlusTeam, als adviseur". */
    String party(String id, String role, Locale locale) {
        if (id == null) {
            return null;
        }
        return role == null
                ? organisation(id)
                : message("officer.party", locale, organisation(id), actingRole(role, locale));
    }

    String label(Labelled value, Locale locale) {
        return english(locale) ? value.labelEn() : value.labelNl();
    }

    /** A retention period in words: "7 jaar", "6 maanden". */
    String period(Period period, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(message("officer.years", locale, period.getYears()));
        }
        if (period.getMonths() != 0) {
            parts.add(message("officer.months", locale, period.getMonths()));
        }
        if (period.getDays() != 0 || parts.isEmpty()) {
            parts.add(message("officer.days", locale, period.getDays()));
        }
        return String.join(" ", parts);
    }

    /** A moment as people in the Netherlands read it: "22 november 2026 14:03:12". */
    String time(Instant t, Locale locale) {
        return t == null
                ? null
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.MEDIUM)
                        .withLocale(language(locale))
                        .withZone(Framework.ZONE)
                        .format(t);
    }

    String day(LocalDate day, Locale locale) {
        return day == null
                ? null
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(language(locale))
                        .format(day);
    }

    /**
     * A period by its days: "3 september 2026 tot en met 1 december 2026". Its end is exclusive (the
     * start of the day after, for a period asked by dates), so the last day shown is the one before.
     */
    String period(Instant from, Instant to, Locale locale) {
        return message(
                "officer.period",
                locale,
                day(LocalDate.ofInstant(from, Framework.ZONE), locale),
                day(LocalDate.ofInstant(to.minusNanos(1), Framework.ZONE), locale));
    }

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private String bundle(String prefix, String code, Locale locale) {
        return code == null ? null : messages.getMessage(prefix + code, null, code, locale);
    }

    private <E extends Enum<E> & Labelled> String labelled(Class<E> type, String code, Locale locale) {
        if (code == null) {
            return null;
        }
        return constant(type, code).map(v -> label(v, locale)).orElse(code);
    }

    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String code) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(code)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    private static Locale language(Locale locale) {
        return english(locale) ? Locale.UK : Locale.forLanguageTag("nl-NL");
    }
}
