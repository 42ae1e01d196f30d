package nl.deelpoort.gateway.audit.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import nl.deelpoort.gateway.audit.Release;
import nl.deelpoort.policy.Agreement;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.Contact;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.LegalBasis;
import nl.deelpoort.policy.Organisation;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import org.springframework.stereotype.Component;

/**
 * Plain Dutch for residents and their reports: organisation names from the framework, the Dutch
 * labels of purposes, legal bases and categories, dates as "22 november 2026" in Amsterdam time.
 * A code the vocabulary no longer knows (an older policy version) is shown as it was logged rather
 * than hidden: the resident is owed the entry even if its label is gone.
 */
@Component
public final class Wording {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));

    private final Framework framework;

    /** An organisation as a resident reads it: its id and its name. */
    public record Party(String id, String name) {}

    /** A code of the vocabulary (purpose, legal basis, category) with its Dutch label. */
    public record Label(String code, String label) {}

    /** What a release says to the resident, as labelled parts: holder, purpose, legal basis, categories. */
    public record Labelled(Party holder, Label purpose, Label legalBasis, List<Label> categories) {}

    public Wording(Framework framework) {
        this.framework = framework;
    }

    public String organisation(String id) {
        if (id == null) {
            return "onbekende organisatie";
        }
        if (!OrganisationId.isValid(id)) {
            return id;
        }
        return framework
                .organisation(OrganisationId.of(id))
                .map(Organisation::name)
                .orElse(id);
    }

    public static LocalDate date(Instant time) {
        return LocalDate.ofInstant(time, Framework.ZONE);
    }

    public static String longDate(Instant time) {
        return DATE.format(date(time));
    }

    public static String purpose(String code) {
        return label(code, Purpose::labelNl, Purpose.class);
    }

    public static String legalBasis(String code) {
        return label(code, LegalBasis::labelNl, LegalBasis.class);
    }

    public static String category(String code) {
        return label(code, Category::labelNl, Category.class);
    }

    public static List<String> categories(List<String> codes) {
        return codes.stream().map(Wording::category).toList();
    }

    /** "a", "a en b", "a, b en c". */
    public static String enumeration(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " en " + items.get(items.size() - 1);
    }

    /**
     * "Gemeente Geldrop-Mierlo (CMD) heeft op 22 november 2026 uw BSN en ingezette zorg ontvangen van
     * GR PlusTeam voor verantwoording."
     */
    public Party party(String id) {
        return new Party(id, organisation(id));
    }

    public Labelled labelled(Release r) {
        return new Labelled(
                party(r.holder()),
                new Label(r.purpose(), purpose(r.purpose())),
                new Label(r.legalBasis(), legalBasis(r.legalBasis())),
                r.categories().stream().map(c -> new Label(c, category(c))).toList());
    }

    public String sentence(Release r) {
        return organisation(r.recipient()) + " heeft op " + longDate(r.registeredAt()) + " uw "
                + enumeration(categories(r.categories())) + " ontvangen van " + organisation(r.holder()) + " voor "
                + purpose(r.purpose()) + ".";
    }

    /** The privacy officer's contact details of an organisation of the framework, if it names them. */
    public Optional<Contact> contact(String id) {
        if (id == null || !OrganisationId.isValid(id)) {
            return Optional.empty();
        }
        return framework.organisation(OrganisationId.of(id)).flatMap(Organisation::contact);
    }

    /**
     * The agreement a release was made under, in the version in force when it was made (the last
     * version if none was: an entry under a framework that has changed since).
     */
    public Optional<Agreement> agreement(Release r) {
        if (r.agreement() == null) {
            return Optional.empty();
        }
        return framework
                .agreementInForce(r.agreement(), r.registeredAt())
                .or(() -> framework.agreementVersions(r.agreement()).stream().reduce((a, b) -> b));
    }

    /** "20 jaar", "6 maanden", "1 jaar en 6 maanden". */
    public static String period(Period p) {
        List<String> parts = new ArrayList<>();
        if (p.getYears() != 0) {
            parts.add(p.getYears() + " jaar");
        }
        if (p.getMonths() != 0) {
            parts.add(p.getMonths() + (p.getMonths() == 1 ? " maand" : " maanden"));
        }
        if (p.getDays() != 0 || parts.isEmpty()) {
            parts.add(p.getDays() + (p.getDays() == 1 ? " dag" : " dagen"));
        }
        return enumeration(parts);
    }

    /** "1 vertrouwelijke verstrekking is …" / "3 vertrouwelijke verstrekkingen zijn …" (officer-only text). */
    public static String confidentialLeftOut(int n) {
        return n == 1
                ? "1 vertrouwelijke verstrekking is niet opgenomen (art. 41 UAVG)."
                : n + " vertrouwelijke verstrekkingen zijn niet opgenomen (art. 41 UAVG).";
    }

    private static <E extends Enum<E>> String label(String code, Function<E, String> labelNl, Class<E> type) {
        if (code == null) {
            return "onbekend";
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(code)) {
                return labelNl.apply(e);
            }
        }
        return code;
    }
}
