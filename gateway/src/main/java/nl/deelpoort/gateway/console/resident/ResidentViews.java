package nl.deelpoort.gateway.console.resident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.deelpoort.gateway.audit.Release;
import nl.deelpoort.gateway.grounds.ResidentConsent;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.ConsentGiverRole;
import nl.deelpoort.policy.Contact;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Labelled;
import nl.deelpoort.policy.LegalBasis;
import nl.deelpoort.policy.Organisation;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the resident's pages show, in the viewer's language: organisation names and contacts from the
 * framework, the vocabulary's labels from the policy module, dates and times in Amsterdam time, and a
 * plain explanation of each purpose from the page bundle. A code the vocabulary no longer knows (an
 * entry under an older framework) is shown as it was logged: the resident is owed the entry even if
 * its label is gone.
 */
@Component
class ResidentViews {

    private final Framework framework;
    private final MessageSource messages;

    ResidentViews(Framework framework, MessageSource messages) {
        this.framework = framework;
        this.messages = messages;
    }

    /** An organisation as a page names it; {@code anchor} is the id of its contact details on the page. */
    record Party(String id, String name, String anchor) {}

    /** A release: when, to whom, from whom, what, why and on what ground, and its log number. */
    record Disclosure(
            long reference,
            String when,
            Party recipient,
            Party holder,
            List<String> categories,
            String purpose,
            Optional<String> purposeExplained,
            String legalBasis) {}

    /** How to reach an organisation's privacy officer; empty when the framework names no contact. */
    record ContactDetails(Party organisation, Optional<Contact> contact) {}

    /**
     * A consent about the resident.
     *
     * @param status ACTIVE, WITHDRAWN, EXPIRED or NOT_YET_VALID (the page words it)
     * @param holders empty when the consent names no holder: any organisation holding the data
     * @param lastDay the last day it counts (the API's validUntil is the exclusive end)
     * @param othersMayWithdraw someone else gave it for the resident (a parent, a representative), and
     *     it still counts or will: only they can withdraw it, through the organisation that recorded it
     */
    record Consent(
            String id,
            String status,
            String purposes,
            List<String> categories,
            List<String> recipients,
            List<String> holders,
            String givenBy,
            String firstDay,
            String lastDay,
            Party recordedBy,
            boolean withdrawable,
            boolean othersMayWithdraw,
            Optional<String> withdrawnAt) {}

    List<Disclosure> disclosures(List<Release> releases, Locale locale) {
        return releases.stream()
                .map(r -> new Disclosure(
                        r.disclosureId(),
                        moment(r.registeredAt(), locale),
                        party(r.recipient(), locale),
                        party(r.holder(), locale),
                        r.categories().stream()
                                .map(c -> label(c, Category.class, locale))
                                .toList(),
                        label(r.purpose(), Purpose.class, locale),
                        Optional.ofNullable(r.purpose())
                                .map(p -> messages.getMessage("resident.purposeExplained." + p, null, null, locale)),
                        label(r.legalBasis(), LegalBasis.class, locale)))
                .toList();
    }

    /** The contact details of every organisation the releases name, recipients and holders, once each. */
    List<ContactDetails> contacts(List<Disclosure> disclosures, Locale locale) {
        Set<String> ids = new LinkedHashSet<>();
        disclosures.forEach(d -> {
            ids.add(d.recipient().id());
            ids.add(d.holder().id());
        });
        return contactsOf(ids, locale);
    }

    /** The contact details of each organisation, once each, in the order given. */
    List<ContactDetails> contactsOf(Collection<String> organisationIds, Locale locale) {
        return new LinkedHashSet<>(organisationIds)
                .stream()
                        .filter(id -> id != null)
                        .map(id -> new ContactDetails(
                                party(id, locale), organisation(id).flatMap(Organisation::contact)))
                        .toList();
    }

    List<Consent> consents(List<ResidentConsent> consents, Locale locale) {
        return consents.stream().map(c -> consent(c, locale)).toList();
    }

    Consent consent(ResidentConsent c, Locale locale) {
        return new Consent(
                c.id().toString(),
                c.status(),
                joined(c.purposes(), p -> labelOf(p, locale)),
                c.categories().stream().map(v -> labelOf(v, locale)).toList(),
                c.recipients().stream()
                        .map(o -> party(o.value(), locale).name())
                        .toList(),
                c.holders().stream().map(o -> party(o.value(), locale).name()).toList(),
                joined(c.givenBy(), g -> labelOf(g, locale)),
                day(c.validFrom(), locale),
                day(c.validUntil().minusDays(1), locale),
                party(c.recordedBy().value(), locale),
                c.withdrawable(),
                !c.givenBy().contains(ConsentGiverRole.SUBJECT)
                        && c.withdrawal() == null
                        && !c.status().equals("EXPIRED"),
                Optional.ofNullable(c.withdrawal()).map(w -> moment(w.at(), locale)));
    }

    Party party(String id, Locale locale) {
        if (id == null) {
            return new Party(null, messages.getMessage("resident.unknownOrganisation", null, locale), "");
        }
        return new Party(id, organisation(id).map(Organisation::name).orElse(id), "contact-" + id);
    }

    private Optional<Organisation> organisation(String id) {
        return id != null && OrganisationId.isValid(id)
                ? framework.organisation(OrganisationId.of(id))
                : Optional.empty();
    }

    static String moment(Instant at, Locale locale) {
        return DateTimeFormatter.ofPattern(
                        english(locale) ? "d MMMM yyyy 'at' HH:mm" : "d MMMM yyyy 'om' HH:mm", locale)
                .withZone(Framework.ZONE)
                .format(at);
    }

    static String day(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(day);
    }

    static String labelOf(Labelled value, Locale locale) {
        return english(locale) ? value.labelEn() : value.labelNl();
    }

    private static <E extends Enum<E> & Labelled> String label(String code, Class<E> type, Locale locale) {
        if (code == null) {
            return "?";
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(code)) {
                return labelOf(e, locale);
            }
        }
        return code;
    }

    private static <T> String joined(Collection<T> values, Function<T, String> label) {
        return values.stream().map(label).collect(Collectors.joining(", "));
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
