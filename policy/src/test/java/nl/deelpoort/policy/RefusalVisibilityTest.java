package nl.deelpoort.policy;

import static nl.deelpoort.policy.ActingRole.ADVISOR;
import static nl.deelpoort.policy.ActingRole.CARE_PROVIDER;
import static nl.deelpoort.policy.ActingRole.CHILD_PROTECTION;
import static nl.deelpoort.policy.ActingRole.MUNICIPAL_ACCESS;
import static nl.deelpoort.policy.Category.BSN;
import static nl.deelpoort.policy.Category.CASE_NOTES;
import static nl.deelpoort.policy.Fixtures.ENGINE;
import static nl.deelpoort.policy.Fixtures.GI;
import static nl.deelpoort.policy.Fixtures.GM;
import static nl.deelpoort.policy.Fixtures.PLUSTEAM;
import static nl.deelpoort.policy.Fixtures.PORTHOS;
import static nl.deelpoort.policy.Fixtures.SUBJECT;
import static nl.deelpoort.policy.Fixtures.T;
import static nl.deelpoort.policy.Fixtures.WAALRE;
import static nl.deelpoort.policy.Fixtures.consent;
import static nl.deelpoort.policy.Fixtures.days;
import static nl.deelpoort.policy.Fixtures.ended;
import static nl.deelpoort.policy.Fixtures.measure;
import static nl.deelpoort.policy.Fixtures.onlyFromHolders;
import static nl.deelpoort.policy.Fixtures.org;
import static nl.deelpoort.policy.Fixtures.override;
import static nl.deelpoort.policy.Fixtures.valid;
import static nl.deelpoort.policy.Fixtures.withdrawnAt;
import static nl.deelpoort.policy.Purpose.ESCALATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A refusal explains itself with the grounds the caller's organisation may know of, and no others:
 * consents it is a recipient or named holder of, overrides it declared or received, measures of the
 * recipient institution or its own. Grounds of others still count where they cover; they are just
 * never named.
 */
class RefusalVisibilityTest {

    /** CMD Waalre escalates BSN and case notes to the PlusTeam adviser (F1: consent, overridable). */
    private static DecisionResult waalreEscalates(Facts facts) {
        return ENGINE.decide(DecisionRequest.builder()
                .caller(org(WAALRE), MUNICIPAL_ACCESS, "carla")
                .holder(org(WAALRE))
                .recipient(org(PLUSTEAM), ADVISOR)
                .purpose(ESCALATION)
                .categories(BSN, CASE_NOTES)
                .time(T)
                .subject(SUBJECT)
                .facts(facts)
                .build());
    }

    /** Porthos (care provider) shares with the GI for child protection (F8 needs a measure, F9 consent). */
    private static DecisionResult porthosSharesWithTheGi(Facts facts) {
        return ENGINE.decide(DecisionRequest.builder()
                .caller(org(PORTHOS), CARE_PROVIDER, "dirk")
                .holder(org(PORTHOS))
                .recipient(org(GI), CHILD_PROTECTION)
                .purpose(Purpose.CHILD_PROTECTION)
                .categories(BSN, CASE_NOTES)
                .time(T)
                .subject(SUBJECT)
                .facts(facts)
                .build());
    }

    private static Facts consents(ConsentFact... consents) {
        return new Facts(List.of(consents), List.of(), List.of(), Optional.empty());
    }

    private static String said(DecisionResult result) {
        StringBuilder text = new StringBuilder();
        result.withheld()
                .values()
                .forEach(list -> list.forEach(r -> text.append(r.messageNl())
                        .append('\n')
                        .append(r.messageEn())
                        .append('\n')));
        result.reasons().forEach(r -> text.append(r.messageNl()).append('\n').append(r.messageEn()));
        return text.toString();
    }

    @Test
    void aConsentForAnotherHoldersDataIsNotNamed() {
        // Recorded by Geldrop-Mierlo for its own data: Waalre is neither recipient nor named holder.
        ConsentFact gm = onlyFromHolders(consent("c-gm-7", ESCALATION, PLUSTEAM, BSN, CASE_NOTES), GM);

        DecisionResult result = waalreEscalates(consents(gm));

        assertThat(result.decision()).isEqualTo(Decision.DENY);
        assertThat(result.reasonCodes()).containsExactly(ReasonCode.CONSENT_MISSING);
        assertThat(said(result)).doesNotContain("c-gm-7").doesNotContain(GM);
    }

    @Test
    void aWithdrawnExpiredOrFutureConsentOfAnotherIsNotNamed() {
        ConsentFact base = onlyFromHolders(consent("c-other", ESCALATION, PLUSTEAM, BSN, CASE_NOTES), GM);
        for (ConsentFact other : List.of(
                withdrawnAt(base, days(-1)), valid(base, days(-300), days(-1)), valid(base, days(1), days(30)))) {
            DecisionResult result = waalreEscalates(consents(other));

            assertThat(result.reasonCodes()).containsExactly(ReasonCode.CONSENT_MISSING);
            assertThat(said(result)).doesNotContain("c-other").doesNotContain(GM);
        }
    }

    @Test
    void aConsentForAnotherRecipientIsNotNamed() {
        // Porthos's consent for sharing with the GI, any holder: nothing Waalre may read.
        ConsentFact porthos = consent("c-porthos-gi", ESCALATION, GI, BSN, CASE_NOTES);

        DecisionResult result = waalreEscalates(consents(porthos));

        assertThat(result.reasonCodes()).containsExactly(ReasonCode.CONSENT_MISSING);
        assertThat(said(result)).doesNotContain("c-porthos-gi").doesNotContain(GI);
    }

    @Test
    void theCallersOwnConsentIsStillExplained() {
        ConsentFact own =
                withdrawnAt(onlyFromHolders(consent("c-own", ESCALATION, PLUSTEAM, BSN, CASE_NOTES), WAALRE), days(-1));

        DecisionResult result = waalreEscalates(consents(own));

        assertThat(result.reasonCodes()).containsExactly(ReasonCode.CONSENT_WITHDRAWN);
        assertThat(said(result)).contains("c-own");
    }

    @Test
    void aConsentTheCallerCannotReadStillCoversWhatItCovers() {
        // Any holder, naming only the PlusTeam: it covers Waalre's escalation, so it counts.
        ConsentFact anyHolder = consent("c-any", ESCALATION, PLUSTEAM, BSN, CASE_NOTES);

        DecisionResult result = waalreEscalates(consents(anyHolder));

        assertThat(result.decision()).isEqualTo(Decision.PERMIT);
        assertThat(result.consentIds()).containsExactly("c-any");
    }

    @Test
    void anOverrideNotGivenToTheCallerDoesNotAuthorise() {
        // Declared by the PlusTeam (the recipient) naming only itself: in scope, but not Waalre's to invoke.
        OverrideFact plusteams = override("o-plusteam", PLUSTEAM, ESCALATION, PLUSTEAM, BSN, CASE_NOTES);

        DecisionResult result =
                waalreEscalates(new Facts(List.of(), List.of(plusteams), List.of(), Optional.of("o-plusteam")));

        assertThat(result.decision()).isEqualTo(Decision.DENY);
        assertThat(result.overrideId()).isEmpty();
        assertThat(result.reasonCodes())
                .containsExactlyInAnyOrder(ReasonCode.CONSENT_MISSING, ReasonCode.OVERRIDE_UNKNOWN);
        // Only the id the caller gave; nothing of the override's scope, state or declarer.
        assertThat(said(result))
                .contains("Safety override o-plusteam is not known for this person")
                .doesNotContain("declared")
                .doesNotContain("expired");
    }

    @Test
    void theSameOverrideAuthorisesItsRecipient() {
        DecisionResult result =
                plusteamPullsFromWaalreInvoking(override("o-waalre", WAALRE, ESCALATION, PLUSTEAM, BSN, CASE_NOTES));

        assertThat(result.decision()).isEqualTo(Decision.PERMIT);
        assertThat(result.overrideId()).contains("o-waalre");
    }

    @Test
    void anOverrideDeclaredByItsRecipientDoesNotCount() {
        DecisionResult result = plusteamPullsFromWaalreInvoking(
                override("o-plusteam", PLUSTEAM, ESCALATION, PLUSTEAM, BSN, CASE_NOTES));

        assertThat(result.decision()).isEqualTo(Decision.DENY);
        assertThat(said(result)).contains("not the holder");
    }

    /** The PlusTeam pulls BSN and case notes from Waalre for escalation, naming {@code o}. */
    private static DecisionResult plusteamPullsFromWaalreInvoking(OverrideFact o) {
        return ENGINE.decide(DecisionRequest.builder()
                .caller(org(PLUSTEAM), CARE_PROVIDER, "anna")
                .holder(org(WAALRE))
                .recipient(org(PLUSTEAM), CARE_PROVIDER)
                .purpose(ESCALATION)
                .categories(BSN, CASE_NOTES)
                .time(T)
                .subject(SUBJECT)
                .facts(new Facts(List.of(), List.of(o), List.of(), Optional.of(o.id())))
                .build());
    }

    @Test
    void anExpiredOverrideOfAnotherIsUnknownNotExpired() {
        OverrideFact porthos = Fixtures.overrideTimes(
                override("o-porthos", PORTHOS, ESCALATION, GI, BSN, CASE_NOTES), days(-3), days(-2), null);

        DecisionResult result =
                waalreEscalates(new Facts(List.of(), List.of(porthos), List.of(), Optional.of("o-porthos")));

        assertThat(result.reasonCodes())
                .containsExactlyInAnyOrder(ReasonCode.CONSENT_MISSING, ReasonCode.OVERRIDE_UNKNOWN);
        assertThat(said(result)).doesNotContain(GI).doesNotContain("expired");
    }

    @Test
    void aMeasureOfAnotherInstitutionIsNotNamed() {
        MeasureFact elsewhere = measure("m-elders", "gi-elders");

        DecisionResult result =
                porthosSharesWithTheGi(new Facts(List.of(), List.of(), List.of(elsewhere), Optional.empty()));

        assertThat(result.reasonCodes()).contains(ReasonCode.MEASURE_MISSING);
        assertThat(said(result))
                .contains("No measure has been registered.")
                .doesNotContain("m-elders")
                .doesNotContain("gi-elders");
    }

    @Test
    void theRecipientsOwnMeasureIsStillNamed() {
        MeasureFact gi = ended(measure("m-gi", GI), days(-1));

        DecisionResult result = porthosSharesWithTheGi(new Facts(List.of(), List.of(), List.of(gi), Optional.empty()));

        assertThat(result.reasonCodes()).contains(ReasonCode.MEASURE_MISSING);
        assertThat(said(result)).contains("Measure m-gi was ended");
    }
}
