package nl.deelpoort.gateway.console.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.deelpoort.gateway.audit.Release;
import nl.deelpoort.gateway.grounds.ResidentConsent;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.ConsentGiverRole;
import nl.deelpoort.policy.FrameworkLoader;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The resident's pages' words, from the framework, the policy's labels and the page bundle, per language. */
class ResidentViewsTest {

    private static final Locale NL = Locale.forLanguageTag("nl");
    private static final Locale EN = Locale.ENGLISH;
    private static final ResidentViews VIEWS = new ResidentViews(FrameworkLoader.loadDefault(), bundle());

    static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("console/resident");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Release release(String purpose, String... categories) {
        return new Release(
                42,
                Instant.parse("2026-11-22T09:15:00Z"),
                EntryKind.DISCLOSURE,
                "plusteam",
                "gemeente-geldrop-mierlo",
                purpose,
                "LEGAL_OBLIGATION",
                "F4",
                "ovk-plusteam",
                List.of(categories),
                false);
    }

    @Test
    void aReleaseInPlainDutchWithItsPurposeExplained() {
        ResidentViews.Disclosure d = VIEWS.disclosures(List.of(release("ACCOUNTABILITY", "BSN", "CARE_DEPLOYED")), NL)
                .get(0);
        assertThat(d.reference()).isEqualTo(42);
        assertThat(d.when()).isEqualTo("22 november 2026 om 10:15");
        assertThat(d.recipient().name()).isEqualTo("Gemeente Geldrop-Mierlo (CMD)");
        assertThat(d.recipient().anchor()).isEqualTo("contact-gemeente-geldrop-mierlo");
        assertThat(d.holder().name()).isEqualTo("GR PlusTeam");
        assertThat(d.categories()).containsExactly("BSN", "ingezette zorg");
        assertThat(d.purpose()).isEqualTo("verantwoording");
        assertThat(d.purposeExplained()).hasValueSatisfying(t -> assertThat(t).contains("welke zorg"));
        assertThat(d.legalBasis()).isEqualTo("wettelijke verplichting (art. 6 lid 1 sub c AVG)");
    }

    @Test
    void theSameReleaseInEnglish() {
        ResidentViews.Disclosure d = VIEWS.disclosures(List.of(release("ACCOUNTABILITY", "BSN", "CARE_DEPLOYED")), EN)
                .get(0);
        assertThat(d.when()).isEqualTo("22 November 2026 at 10:15");
        assertThat(d.categories()).containsExactly("BSN", "care deployed");
        assertThat(d.purpose()).isEqualTo("accountability");
        assertThat(d.purposeExplained()).hasValueSatisfying(t -> assertThat(t).contains("which care"));
    }

    @Test
    void aCodeTheVocabularyNoLongerKnowsIsShownAsLogged() {
        ResidentViews.Disclosure d = VIEWS.disclosures(List.of(release("OLD_PURPOSE", "OLD_CATEGORY")), NL)
                .get(0);
        assertThat(d.purpose()).isEqualTo("OLD_PURPOSE");
        assertThat(d.purposeExplained()).isEmpty();
        assertThat(d.categories()).containsExactly("OLD_CATEGORY");
    }

    @Test
    void contactsOfEveryOrganisationNamedOnceWithTheFrameworksDetails() {
        List<ResidentViews.Disclosure> disclosures = VIEWS.disclosures(
                List.of(release("ACCOUNTABILITY", "BSN"), release("PROVISION_APPLICATION", "BSN")), NL);
        List<ResidentViews.ContactDetails> contacts = VIEWS.contacts(disclosures, NL);
        assertThat(contacts)
                .extracting(c -> c.organisation().id())
                .containsExactly("gemeente-geldrop-mierlo", "plusteam");
        assertThat(contacts.get(1).contact())
                .hasValueSatisfying(c -> assertThat(c.email()).isEqualTo("fg@plusteam.example"));
        assertThat(VIEWS.contactsOf(List.of("topicus", "not-in-framework"), NL))
                .allSatisfy(c -> assertThat(c.contact()).isEmpty())
                .extracting(c -> c.organisation().name())
                .containsExactly("Topicus Overheid", "not-in-framework");
    }

    @Test
    void aConsentShowsItsLastDayAndWhoMayWithdrawIt() {
        ResidentConsent own = consent(List.of(ConsentGiverRole.SUBJECT), "ACTIVE", true);
        ResidentViews.Consent mine = VIEWS.consent(own, NL);
        assertThat(mine.purposes()).isEqualTo("opschalen naar het PlusTeam");
        assertThat(mine.firstDay()).isEqualTo("1 december 2026");
        assertThat(mine.lastDay()).as("validUntil is the exclusive end").isEqualTo("30 november 2027");
        assertThat(mine.givenBy()).isEqualTo("de betrokkene zelf");
        assertThat(mine.holders()).containsExactly("Gemeente Waalre (CMD)");
        assertThat(mine.recordedBy().name()).isEqualTo("Gemeente Waalre (CMD)");
        assertThat(mine.withdrawable()).isTrue();
        assertThat(mine.othersMayWithdraw()).isFalse();

        ResidentViews.Consent parents =
                VIEWS.consent(consent(List.of(ConsentGiverRole.PARENT_WITH_AUTHORITY), "ACTIVE", false), EN);
        assertThat(parents.givenBy()).isEqualTo("parent with parental authority");
        assertThat(parents.withdrawable()).isFalse();
        assertThat(parents.othersMayWithdraw()).isTrue();
        assertThat(VIEWS.consent(consent(List.of(ConsentGiverRole.PARENT_WITH_AUTHORITY), "EXPIRED", false), NL)
                        .othersMayWithdraw())
                .as("an expired consent is nobody's to withdraw")
                .isFalse();
    }

    private static ResidentConsent consent(List<ConsentGiverRole> givers, String status, boolean withdrawable) {
        return new ResidentConsent(
                UUID.randomUUID(),
                status,
                givers,
                List.of(Purpose.ESCALATION),
                List.of(OrganisationId.of("plusteam")),
                List.of(OrganisationId.of("gemeente-waalre")),
                List.of(Category.BSN, Category.CASE_NOTES),
                LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 12, 1),
                OrganisationId.of("gemeente-waalre"),
                Instant.parse("2026-12-01T08:00:00Z"),
                withdrawable,
                null);
    }
}
