package nl.deelpoort.policy;

import static nl.deelpoort.policy.ActingRole.ADVISOR;
import static nl.deelpoort.policy.ActingRole.CARE_PROVIDER;
import static nl.deelpoort.policy.ActingRole.CHILD_PROTECTION;
import static nl.deelpoort.policy.ActingRole.JUVENILE_PROBATION;
import static nl.deelpoort.policy.ActingRole.MUNICIPAL_ACCESS;
import static nl.deelpoort.policy.ActingRole.SAFETY_ADVICE;
import static nl.deelpoort.policy.ActingRole.SAFETY_INVESTIGATION;
import static nl.deelpoort.policy.ActingRole.STATISTICS;
import static nl.deelpoort.policy.Category.ASSESSMENT;
import static nl.deelpoort.policy.Category.BSN;
import static nl.deelpoort.policy.Category.CARE_DEPLOYED;
import static nl.deelpoort.policy.Category.CASE_NOTES;
import static nl.deelpoort.policy.Category.CLOSURE;
import static nl.deelpoort.policy.Category.HEALTH;
import static nl.deelpoort.policy.Category.HOUSEHOLD;
import static nl.deelpoort.policy.Category.JUSTICE;
import static nl.deelpoort.policy.Category.PERSONALIA;
import static nl.deelpoort.policy.Category.REFERRAL;
import static nl.deelpoort.policy.Category.SAFETY;
import static nl.deelpoort.policy.Category.SUPPORT_PLAN;
import static nl.deelpoort.policy.Decision.DENY;
import static nl.deelpoort.policy.Decision.PARTIAL;
import static nl.deelpoort.policy.Decision.PERMIT;
import static nl.deelpoort.policy.Fixtures.CBS;
import static nl.deelpoort.policy.Fixtures.ENGINE;
import static nl.deelpoort.policy.Fixtures.GI;
import static nl.deelpoort.policy.Fixtures.GM;
import static nl.deelpoort.policy.Fixtures.OTHER_SUBJECT;
import static nl.deelpoort.policy.Fixtures.PLUSTEAM;
import static nl.deelpoort.policy.Fixtures.PORTHOS;
import static nl.deelpoort.policy.Fixtures.SUBJECT;
import static nl.deelpoort.policy.Fixtures.T;
import static nl.deelpoort.policy.Fixtures.TOPICUS;
import static nl.deelpoort.policy.Fixtures.VEERE;
import static nl.deelpoort.policy.Fixtures.VT;
import static nl.deelpoort.policy.Fixtures.WAALRE;
import static nl.deelpoort.policy.Fixtures.consent;
import static nl.deelpoort.policy.Fixtures.days;
import static nl.deelpoort.policy.Fixtures.ended;
import static nl.deelpoort.policy.Fixtures.hours;
import static nl.deelpoort.policy.Fixtures.measure;
import static nl.deelpoort.policy.Fixtures.ofSubject;
import static nl.deelpoort.policy.Fixtures.onlyFromHolders;
import static nl.deelpoort.policy.Fixtures.override;
import static nl.deelpoort.policy.Fixtures.overrideTimes;
import static nl.deelpoort.policy.Fixtures.valid;
import static nl.deelpoort.policy.Fixtures.withdrawnAt;
import static nl.deelpoort.policy.Purpose.ACCOUNTABILITY;
import static nl.deelpoort.policy.Purpose.DE_ESCALATION;
import static nl.deelpoort.policy.Purpose.ESCALATION;
import static nl.deelpoort.policy.Purpose.MDO;
import static nl.deelpoort.policy.Purpose.PROVISION_APPLICATION;
import static nl.deelpoort.policy.Purpose.PROVISION_DECISION;
import static nl.deelpoort.policy.Purpose.SAFETY_CONSULTATION;
import static nl.deelpoort.policy.Purpose.SAFETY_REPORT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The framework of docs/domain.md (organisations to decisions) as a table: one row per scenario,
 * with the expected decision, released categories, every reason code in the answer, and the flow
 * that applied.
 */
class DecisionTableTest {

    static List<Row> rows() {
        return Stream.of(
                        // ---- F1 escalation CMD -> PlusTeam ----
                        row("F1 CMD Waalre escalates to the PlusTeam adviser with consent")
                                .caller(WAALRE, MUNICIPAL_ACCESS)
                                .holder(WAALRE)
                                .recipient(PLUSTEAM, ADVISOR)
                                .purpose(ESCALATION)
                                .ask(BSN, PERSONALIA, CASE_NOTES)
                                .consents(consent("c-esc", ESCALATION, PLUSTEAM, BSN, PERSONALIA, CASE_NOTES))
                                .expect(PERMIT, BSN, PERSONALIA, CASE_NOTES)
                                .flow("F1")
                                .then(r -> {
                                    assertThat(r.consentIds()).containsExactly("c-esc");
                                    assertThat(r.legalBasis()).contains(LegalBasis.CONSENT);
                                    assertThat(r.agreementId()).contains("ovk-plusteam");
                                    assertThat(r.policyVersion()).startsWith("sha256:");
                                }),
                        row("F1 the PlusTeam care provider pulls the referral from CMD Geldrop-Mierlo")
                                .caller(PLUSTEAM, CARE_PROVIDER)
                                .holder(GM)
                                .recipient(PLUSTEAM, CARE_PROVIDER)
                                .purpose(ESCALATION)
                                .ask(REFERRAL, ASSESSMENT)
                                .consents(onlyFromHolders(
                                        consent("c-gm", ESCALATION, PLUSTEAM, REFERRAL, ASSESSMENT), GM))
                                .expect(PERMIT, REFERRAL, ASSESSMENT)
                                .flow("F1"),
                        row("F1 API example: HEALTH is withheld as a special category the flow does not name")
                                .caller(WAALRE, MUNICIPAL_ACCESS)
                                .holder(WAALRE)
                                .recipient(PLUSTEAM, ADVISOR)
                                .purpose(ESCALATION)
                                .ask(BSN, PERSONALIA, CASE_NOTES, HEALTH)
                                .consents(consent("c-esc", ESCALATION, PLUSTEAM, BSN, PERSONALIA, CASE_NOTES, HEALTH))
                                .expect(PARTIAL, BSN, PERSONALIA, CASE_NOTES)
                                .codes(ReasonCode.CATEGORY_NOT_IN_FLOW)
                                .flow("F1")
                                .then(r -> assertThat(
                                                r.withheld().get(HEALTH).get(0).messageNl())
                                        .contains("bijzondere categorie")
                                        .contains("gezondheidsgegevens (HEALTH)")),
                        row("F1 CMD escalates under a safety override instead of consent")
                                .caller(WAALRE, MUNICIPAL_ACCESS)
                                .holder(WAALRE)
                                .recipient(PLUSTEAM, ADVISOR)
                                .purpose(ESCALATION)
                                .ask(BSN, CASE_NOTES)
                                .override(override("o-esc", WAALRE, ESCALATION, PLUSTEAM, BSN, CASE_NOTES))
                                .expect(PERMIT, BSN, CASE_NOTES)
                                .flow("F1")
                                .then(r -> {
                                    assertThat(r.overrideId()).contains("o-esc");
                                    assertThat(r.consentIds()).isEmpty();
                                }),
                        row("F1 general question without a subject: consent or an override would be needed")
                                .caller(WAALRE, MUNICIPAL_ACCESS)
                                .holder(WAALRE)
                                .recipient(PLUSTEAM, ADVISOR)
                                .purpose(ESCALATION)
                                .ask(BSN, SUPPORT_PLAN)
                                .general()
                                .expect(PERMIT, BSN, SUPPORT_PLAN)
                                .flow("F1")
                                .conditions(ReasonCode.CONSENT_REQUIRED)
                                .then(r -> assertThat(r.conditions().get(0).messageEn())
                                        .contains("safety override")),

                        // ---- F2 de-escalation, F3 advice, F4 accountability: the PlusTeam's two roles ----
                        row("F2 the PlusTeam care provider scales down to CMD Geldrop-Mierlo with consent")
                                .caller(PLUSTEAM, CARE_PROVIDER)
                                .holder(PLUSTEAM)
                                .recipient(GM, MUNICIPAL_ACCESS)
                                .purpose(DE_ESCALATION)
                                .ask(BSN, SUPPORT_PLAN, CLOSURE)
                                .consents(consent("c-down", DE_ESCALATION, GM, BSN, SUPPORT_PLAN, CLOSURE))
                                .expect(PERMIT, BSN, SUPPORT_PLAN, CLOSURE)
                                .flow("F2"),
                        row("F2 consent missing, and an override cannot stand in on a flow that is not overridable")
                                .caller(PLUSTEAM, CARE_PROVIDER)
                                .holder(PLUSTEAM)
                                .recipient(GM, MUNICIPAL_ACCESS)
                                .purpose(DE_ESCALATION)
                                .ask(BSN)
                                .override(override("o-down", PLUSTEAM, DE_ESCALATION, GM, BSN))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_MISSING, ReasonCode.OVERRIDE_NOT_ALLOWED)
                                .flow("F2"),
                        row("F3 the PlusTeam adviser sends its advice to the municipality without consent")
                                .caller(PLUSTEAM, ADVISOR)
                                .holder(PLUSTEAM)
                                .recipient(WAALRE, MUNICIPAL_ACCESS)
                                .purpose(PROVISION_APPLICATION)
                                .ask(BSN, ASSESSMENT, SUPPORT_PLAN)
                                .expect(PERMIT, BSN, ASSESSMENT, SUPPORT_PLAN)
                                .flow("F3")
                                .then(r -> assertThat(r.legalBasis()).contains(LegalBasis.PUBLIC_TASK)),
                        row("F3 refused when the PlusTeam acts as care provider")
                                .caller(PLUSTEAM, CARE_PROVIDER)
                                .holder(PLUSTEAM)
                                .recipient(WAALRE, MUNICIPAL_ACCESS)
                                .purpose(PROVISION_APPLICATION)
                                .ask(BSN)
                                .expect(DENY)
                                .codes(ReasonCode.NO_FLOW)
                                .then(r -> assertThat(r.reasons().get(0).messageEn())
                                        .contains("flow F3 only applies when plusteam acts as adviser (ADVISOR)")),
                        row("F4 the PlusTeam acting as care provider accounts to the municipality")
                                .caller(PLUSTEAM, CARE_PROVIDER)
                                .holder(PLUSTEAM)
                                .recipient(WAALRE, MUNICIPAL_ACCESS)
                                .purpose(ACCOUNTABILITY)
                                .ask(BSN, CARE_DEPLOYED)
                                .expect(PERMIT, BSN, CARE_DEPLOYED)
                                .flow("F4")
                                .then(r -> assertThat(r.legalBasis()).contains(LegalBasis.LEGAL_OBLIGATION)),
                        row("F4 the same request with the PlusTeam acting as adviser is refused")
                                .caller(PLUSTEAM, ADVISOR)
                                .holder(PLUSTEAM)
                                .recipient(WAALRE, MUNICIPAL_ACCESS)
                                .purpose(ACCOUNTABILITY)
                                .ask(BSN, CARE_DEPLOYED)
                                .expect(DENY)
                                .codes(ReasonCode.NO_FLOW)
                                .then(r -> {
                                    assertThat(r.reasons().get(0).messageEn())
                                            .contains("care provider (CARE_PROVIDER), not as adviser (ADVISOR)");
                                    assertThat(r.reasons().get(0).messageNl())
                                            .contains("zorgaanbieder (CARE_PROVIDER), niet als adviseur (ADVISOR)");
                                }),
                        row("F4 SUPPORT_PLAN is withheld from accountability")
                                .caller(PLUSTEAM, CARE_PROVIDER)
                                .holder(PLUSTEAM)
                                .recipient(WAALRE, MUNICIPAL_ACCESS)
                                .purpose(ACCOUNTABILITY)
                                .ask(BSN, CARE_DEPLOYED, SUPPORT_PLAN)
                                .expect(PARTIAL, BSN, CARE_DEPLOYED)
                                .codes(ReasonCode.CATEGORY_NOT_IN_FLOW)
                                .flow("F4"),
                        row("F4 the municipality pulls; the PlusTeam's role follows from the flow")
                                .caller(WAALRE, MUNICIPAL_ACCESS)
                                .holder(PLUSTEAM)
                                .recipient(WAALRE, MUNICIPAL_ACCESS)
                                .purpose(ACCOUNTABILITY)
                                .ask(BSN, CARE_DEPLOYED)
                                .expect(PERMIT, BSN, CARE_DEPLOYED)
                                .flow("F4"),
                        row("F4 a pull naming the PlusTeam as adviser is refused")
                                .caller(WAALRE, MUNICIPAL_ACCESS)
                                .holder(PLUSTEAM)
                                .holderRole(ADVISOR)
                                .recipient(WAALRE, MUNICIPAL_ACCESS)
                                .purpose(ACCOUNTABILITY)
                                .ask(BSN)
                                .expect(DENY)
                                .codes(ReasonCode.NO_FLOW),

                        // ---- F5-F7 Veilig Thuis ----
                        row("F5 Porthos reports to Veilig Thuis; the report is confidential")
                                .caller(PORTHOS, CARE_PROVIDER)
                                .holder(PORTHOS)
                                .recipient(VT, SAFETY_INVESTIGATION)
                                .purpose(SAFETY_REPORT)
                                .ask(BSN, SAFETY, CASE_NOTES)
                                .expect(PERMIT, BSN, SAFETY, CASE_NOTES)
                                .flow("F5")
                                .then(r -> assertThat(r.confidential()).isTrue()),
                        row("F5 the GI reports to Veilig Thuis in its advice role, with the BSN")
                                .caller(GI, CHILD_PROTECTION)
                                .holder(GI)
                                .recipient(VT, SAFETY_ADVICE)
                                .purpose(SAFETY_REPORT)
                                .ask(BSN, PERSONALIA)
                                .expect(PERMIT, BSN, PERSONALIA)
                                .flow("F5"),
                        row("F5 JUSTICE is named by no flow")
                                .caller(PORTHOS, CARE_PROVIDER)
                                .holder(PORTHOS)
                                .recipient(VT, SAFETY_INVESTIGATION)
                                .purpose(SAFETY_REPORT)
                                .ask(SAFETY, JUSTICE)
                                .expect(PARTIAL, SAFETY)
                                .codes(ReasonCode.CATEGORY_NOT_IN_FLOW)
                                .flow("F5"),
                        row("F6 the PlusTeam shares health data with a Veilig Thuis investigation")
                                .caller(PLUSTEAM, ADVISOR)
                                .holder(PLUSTEAM)
                                .recipient(VT, SAFETY_INVESTIGATION)
                                .purpose(Purpose.SAFETY_INVESTIGATION)
                                .ask(BSN, SAFETY, HEALTH)
                                .expect(PERMIT, BSN, SAFETY, HEALTH)
                                .flow("F6")
                                .then(r -> assertThat(r.confidential()).isTrue()),
                        row("F6 Veilig Thuis pulls household data from Gemeente Veere for triage")
                                .caller(VT, SAFETY_INVESTIGATION)
                                .holder(VEERE)
                                .recipient(VT, SAFETY_INVESTIGATION)
                                .purpose(Purpose.SAFETY_INVESTIGATION)
                                .ask(HOUSEHOLD, ASSESSMENT)
                                .expect(PERMIT, HOUSEHOLD, ASSESSMENT)
                                .flow("F6"),
                        row("F6 a GI is not among the holders of an investigation")
                                .caller(GI, CHILD_PROTECTION)
                                .holder(GI)
                                .recipient(VT, SAFETY_INVESTIGATION)
                                .purpose(Purpose.SAFETY_INVESTIGATION)
                                .ask(SAFETY)
                                .expect(DENY)
                                .codes(ReasonCode.NO_FLOW)
                                .then(r -> assertThat(r.reasons().get(0).messageEn())
                                        .contains("flows exist only for")
                                        .contains("SAFETY_REPORT")),
                        row("F7 CMD Waalre consults Veilig Thuis without naming the person")
                                .caller(WAALRE, MUNICIPAL_ACCESS)
                                .holder(WAALRE)
                                .recipient(VT, SAFETY_ADVICE)
                                .purpose(SAFETY_CONSULTATION)
                                .ask(ASSESSMENT, SAFETY)
                                .expect(PERMIT, ASSESSMENT, SAFETY)
                                .flow("F7"),
                        row("F7 Veilig Thuis in SAFETY_ADVICE asks for the BSN")
                                .caller(VT, SAFETY_ADVICE)
                                .holder(WAALRE)
                                .recipient(VT, SAFETY_ADVICE)
                                .purpose(SAFETY_CONSULTATION)
                                .ask(BSN, ASSESSMENT)
                                .expect(PARTIAL, ASSESSMENT)
                                .codes(ReasonCode.IDENTIFYING_NOT_ALLOWED)
                                .flow("F7"),
                        row("F7 asking only identifying data in a consultation is denied")
                                .caller(VT, SAFETY_ADVICE)
                                .holder(PLUSTEAM)
                                .recipient(VT, SAFETY_ADVICE)
                                .purpose(SAFETY_CONSULTATION)
                                .ask(BSN, PERSONALIA)
                                .expect(DENY)
                                .codes(ReasonCode.IDENTIFYING_NOT_ALLOWED)
                                .flow("F7"),

                        // ---- F8/F9 tandem with the GI ----
                        row("F8 the PlusTeam works in tandem with the GI under a supervision order")
                                .caller(PLUSTEAM, CARE_PROVIDER)
                                .holder(PLUSTEAM)
                                .recipient(GI, CHILD_PROTECTION)
                                .purpose(Purpose.CHILD_PROTECTION)
                                .ask(BSN, CASE_NOTES, SAFETY)
                                .measures(measure("m-ots", GI))
                                .expect(PERMIT, BSN, CASE_NOTES, SAFETY)
                                .flow("F8")
                                .then(r -> {
                                    assertThat(r.measureId()).contains("m-ots");
                                    assertThat(r.legalBasis()).contains(LegalBasis.CHILD_PROTECTION_MEASURE);
                                }),
                        row("F8 GI without a measure, and no consent for F9")
                                .caller(GI, CHILD_PROTECTION)
                                .holder(PLUSTEAM)
                                .recipient(GI, CHILD_PROTECTION)
                                .purpose(Purpose.CHILD_PROTECTION)
                                .ask(BSN, PERSONALIA)
                                .expect(DENY)
                                .codes(ReasonCode.MEASURE_MISSING, ReasonCode.CONSENT_MISSING)
                                .flow("F8"),
                        row("F8 a measure that ended yesterday does not count")
                                .caller(PLUSTEAM, CARE_PROVIDER)
                                .holder(PLUSTEAM)
                                .recipient(GI, CHILD_PROTECTION)
                                .purpose(Purpose.CHILD_PROTECTION)
                                .ask(BSN)
                                .measures(ended(measure("m-old", GI), days(-1)))
                                .expect(DENY)
                                .codes(ReasonCode.MEASURE_MISSING, ReasonCode.CONSENT_MISSING)
                                .flow("F8")
                                .then(r -> assertThat(r.reasons().get(0).messageEn())
                                        .contains("m-old was ended")),
                        row("F9 voluntary tandem: Porthos shares with the GI on consent, no measure")
                                .caller(PORTHOS, CARE_PROVIDER)
                                .holder(PORTHOS)
                                .recipient(GI, JUVENILE_PROBATION)
                                .purpose(Purpose.CHILD_PROTECTION)
                                .ask(BSN, PERSONALIA, SUPPORT_PLAN)
                                .consents(consent("c-gi", Purpose.CHILD_PROTECTION, GI, BSN, PERSONALIA, SUPPORT_PLAN))
                                .expect(PERMIT, BSN, PERSONALIA, SUPPORT_PLAN)
                                .flow("F9"),
                        row("F9 releases more than F8 without a measure; CASE_NOTES withheld")
                                .caller(PORTHOS, CARE_PROVIDER)
                                .holder(PORTHOS)
                                .recipient(GI, CHILD_PROTECTION)
                                .purpose(Purpose.CHILD_PROTECTION)
                                .ask(BSN, CASE_NOTES)
                                .consents(consent("c-gi", Purpose.CHILD_PROTECTION, GI, BSN, CASE_NOTES))
                                .expect(PARTIAL, BSN)
                                .codes(ReasonCode.CATEGORY_NOT_IN_FLOW)
                                .flow("F9"),
                        row("F8 general question: a measure (F8) or consent (F9) would be needed")
                                .caller(PLUSTEAM, ADVISOR)
                                .holder(PLUSTEAM)
                                .recipient(GI, CHILD_PROTECTION)
                                .purpose(Purpose.CHILD_PROTECTION)
                                .ask(BSN)
                                .general()
                                .expect(PERMIT, BSN)
                                .flow("F8")
                                .conditions(ReasonCode.MEASURE_REQUIRED, ReasonCode.CONSENT_REQUIRED),

                        // ---- F10 MDO ----
                        row("F10 Veilig Thuis shares in an MDO with the PlusTeam on consent")
                                .caller(VT, SAFETY_INVESTIGATION)
                                .holder(VT)
                                .recipient(PLUSTEAM, ADVISOR)
                                .purpose(MDO)
                                .ask(BSN, ASSESSMENT, CASE_NOTES)
                                .consents(consent("c-mdo", MDO, PLUSTEAM, BSN, ASSESSMENT, CASE_NOTES))
                                .expect(PERMIT, BSN, ASSESSMENT, CASE_NOTES)
                                .flow("F10")
                                .then(r -> assertThat(r.confidential()).isFalse()),
                        row("F10 MDO under a safety override when safety is at stake")
                                .caller(WAALRE, MUNICIPAL_ACCESS)
                                .holder(WAALRE)
                                .recipient(GI, CHILD_PROTECTION)
                                .purpose(MDO)
                                .ask(BSN, ASSESSMENT)
                                .override(override("o-mdo", WAALRE, MDO, GI, BSN, ASSESSMENT))
                                .expect(PERMIT, BSN, ASSESSMENT)
                                .flow("F10")
                                .then(r -> assertThat(r.overrideId()).contains("o-mdo")),
                        row("F10 an override trying to add HEALTH to an MDO")
                                .caller(WAALRE, MUNICIPAL_ACCESS)
                                .holder(WAALRE)
                                .recipient(PLUSTEAM, ADVISOR)
                                .purpose(MDO)
                                .ask(BSN, HEALTH)
                                .override(override("o-health", WAALRE, MDO, PLUSTEAM, BSN, HEALTH))
                                .expect(PARTIAL, BSN)
                                .codes(ReasonCode.CATEGORY_NOT_IN_FLOW, ReasonCode.OVERRIDE_SCOPE)
                                .flow("F10")
                                .then(r -> assertThat(r.withheld().get(HEALTH)).hasSize(2)),

                        // ---- F11 statistics, F12 decision ----
                        row("F11 the PlusTeam care provider delivers closure figures to CBS")
                                .caller(PLUSTEAM, CARE_PROVIDER)
                                .holder(PLUSTEAM)
                                .recipient(CBS, STATISTICS)
                                .purpose(Purpose.STATISTICS)
                                .ask(BSN, CLOSURE)
                                .expect(PERMIT, BSN, CLOSURE)
                                .flow("F11"),
                        row("F11 CBS does not get case notes")
                                .caller(CBS, STATISTICS)
                                .holder(PLUSTEAM)
                                .recipient(CBS, STATISTICS)
                                .purpose(Purpose.STATISTICS)
                                .ask(CLOSURE, CASE_NOTES)
                                .expect(PARTIAL, CLOSURE)
                                .codes(ReasonCode.CATEGORY_NOT_IN_FLOW)
                                .flow("F11"),
                        row("F12 Porthos sends a decision file to Gemeente Veere")
                                .caller(PORTHOS, MUNICIPAL_ACCESS)
                                .holder(PORTHOS)
                                .recipient(VEERE, MUNICIPAL_ACCESS)
                                .purpose(PROVISION_DECISION)
                                .ask(BSN, SUPPORT_PLAN, CARE_DEPLOYED)
                                .expect(PERMIT, BSN, SUPPORT_PLAN, CARE_DEPLOYED)
                                .flow("F12"),
                        row("F12 not for Porthos acting as care provider")
                                .caller(PORTHOS, CARE_PROVIDER)
                                .holder(PORTHOS)
                                .recipient(VEERE, MUNICIPAL_ACCESS)
                                .purpose(PROVISION_DECISION)
                                .ask(BSN)
                                .expect(DENY)
                                .codes(ReasonCode.NO_FLOW),
                        row("F12 in force on the last day of the agreement (31 December 2028, Amsterdam time)")
                                .caller(PORTHOS, MUNICIPAL_ACCESS)
                                .holder(PORTHOS)
                                .recipient(VEERE, MUNICIPAL_ACCESS)
                                .purpose(PROVISION_DECISION)
                                .ask(BSN)
                                .at(Instant.parse("2028-12-31T22:59:59Z"))
                                .expect(PERMIT, BSN)
                                .flow("F12"),
                        row("F12 agreement ended: not in force on 1 January 2029")
                                .caller(PORTHOS, MUNICIPAL_ACCESS)
                                .holder(PORTHOS)
                                .recipient(VEERE, MUNICIPAL_ACCESS)
                                .purpose(PROVISION_DECISION)
                                .ask(BSN)
                                .at(Instant.parse("2028-12-31T23:00:00Z"))
                                .expect(DENY)
                                .codes(ReasonCode.AGREEMENT_NOT_IN_FORCE)
                                .flow("F12"),
                        row("F1 agreement outside its validity window (before 2024)")
                                .caller(WAALRE, MUNICIPAL_ACCESS)
                                .holder(WAALRE)
                                .recipient(PLUSTEAM, ADVISOR)
                                .purpose(ESCALATION)
                                .ask(BSN)
                                .at(Instant.parse("2023-06-01T08:00:00Z"))
                                .expect(DENY)
                                .codes(ReasonCode.AGREEMENT_NOT_IN_FORCE)
                                .flow("F1")
                                .then(r -> assertThat(r.reasons().get(0).messageNl())
                                        .contains("1 januari 2024 tot en met 31 december 2027")),

                        // ---- consent ----
                        consentRow("consent withdrawn one second before the decision")
                                .consents(withdrawnAt(escalationConsent(), T.minusSeconds(1)))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_WITHDRAWN)
                                .flow("F1"),
                        consentRow("consent withdrawn one second after the decision still counts")
                                .consents(withdrawnAt(escalationConsent(), T.plusSeconds(1)))
                                .expect(PERMIT, BSN, CASE_NOTES)
                                .flow("F1"),
                        consentRow("consent expired yesterday")
                                .consents(valid(escalationConsent(), days(-366), days(-1)))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_EXPIRED)
                                .flow("F1"),
                        consentRow("consent that only starts tomorrow")
                                .consents(valid(escalationConsent(), days(1), days(300)))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_NOT_YET_VALID)
                                .flow("F1"),
                        consentRow("consent for the wrong recipient, limited to the caller's data")
                                .consents(onlyFromHolders(consent("c-wrong", ESCALATION, GI, BSN, CASE_NOTES), WAALRE))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_SCOPE)
                                .flow("F1")
                                .then(r -> assertThat(r.reasons().get(0).messageEn())
                                        .contains("does not name recipient plusteam (it names: gi-intervence)")),
                        consentRow("consent for another purpose, limited to the caller's data")
                                .consents(onlyFromHolders(consent("c-mdo", MDO, PLUSTEAM, BSN, CASE_NOTES), WAALRE))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_SCOPE)
                                .flow("F1"),
                        row("F1 the PlusTeam pulls from Waalre on a consent limited to data held by Geldrop-Mierlo")
                                .caller(PLUSTEAM, CARE_PROVIDER)
                                .holder(WAALRE)
                                .recipient(PLUSTEAM, CARE_PROVIDER)
                                .purpose(ESCALATION)
                                .ask(BSN, CASE_NOTES)
                                .consents(onlyFromHolders(escalationConsent(), GM))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_SCOPE)
                                .flow("F1"),
                        consentRow("a consent for Geldrop-Mierlo's data is not named to Waalre")
                                .consents(onlyFromHolders(escalationConsent(), GM))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_MISSING)
                                .flow("F1")
                                .then(r -> assertThat(r.reasons().toString())
                                        .doesNotContain("c-esc")
                                        .doesNotContain(GM)),
                        consentRow("consent covers the BSN only; CASE_NOTES withheld")
                                .consents(onlyFromHolders(consent("c-bsn", ESCALATION, PLUSTEAM, BSN), WAALRE))
                                .expect(PARTIAL, BSN)
                                .codes(ReasonCode.CONSENT_SCOPE)
                                .flow("F1"),
                        consentRow("no consent recorded")
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_MISSING)
                                .flow("F1"),
                        consentRow("consent of another subject does not count")
                                .consents(ofSubject(escalationConsent(), OTHER_SUBJECT))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_MISSING)
                                .flow("F1"),
                        consentRow("a withdrawn consent and a new active one: the active one applies")
                                .consents(
                                        withdrawnAt(escalationConsent(), days(-2)),
                                        consent("c-new", ESCALATION, PLUSTEAM, BSN, CASE_NOTES))
                                .expect(PERMIT, BSN, CASE_NOTES)
                                .flow("F1")
                                .then(r -> assertThat(r.consentIds()).containsExactly("c-new")),

                        // ---- overrides ----
                        consentRow("override expired an hour ago")
                                .override(overrideTimes(escalationOverride(), hours(-49), hours(-1), null))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_MISSING, ReasonCode.OVERRIDE_EXPIRED)
                                .flow("F1"),
                        consentRow("override ended early")
                                .override(overrideTimes(escalationOverride(), hours(-5), hours(43), hours(-2)))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_MISSING, ReasonCode.OVERRIDE_EXPIRED)
                                .flow("F1"),
                        consentRow("override never lasts beyond the 72-hour maximum, whatever its record says")
                                .override(overrideTimes(escalationOverride(), hours(-80), hours(10), null))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_MISSING, ReasonCode.OVERRIDE_EXPIRED)
                                .flow("F1"),
                        consentRow("override for another recipient")
                                .override(override("o-gi", WAALRE, ESCALATION, GI, BSN, CASE_NOTES))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_MISSING, ReasonCode.OVERRIDE_SCOPE)
                                .flow("F1"),
                        row("F1 override naming the PlusTeam, declared by an organisation outside this exchange")
                                .caller(PLUSTEAM, CARE_PROVIDER)
                                .holder(WAALRE)
                                .recipient(PLUSTEAM, CARE_PROVIDER)
                                .purpose(ESCALATION)
                                .ask(BSN, CASE_NOTES)
                                .override(override("o-porthos", PORTHOS, ESCALATION, PLUSTEAM, BSN, CASE_NOTES))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_MISSING, ReasonCode.OVERRIDE_SCOPE)
                                .flow("F1"),
                        consentRow("an override not given to the caller neither authorises nor is explained")
                                .override(override("o-elsewhere", PORTHOS, ESCALATION, PLUSTEAM, BSN, CASE_NOTES))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_MISSING, ReasonCode.OVERRIDE_UNKNOWN)
                                .flow("F1")
                                .then(r -> assertThat(r.reasons().toString()).doesNotContain(PORTHOS)),
                        consentRow("override id the gateway does not know for this subject")
                                .facts(new Facts(List.of(), List.of(), List.of(), Optional.of("o-404")))
                                .expect(DENY)
                                .codes(ReasonCode.CONSENT_MISSING, ReasonCode.OVERRIDE_UNKNOWN)
                                .flow("F1"),
                        consentRow("consent for the BSN, override for the case notes")
                                .consents(consent("c-bsn", ESCALATION, PLUSTEAM, BSN))
                                .override(override("o-notes", WAALRE, ESCALATION, PLUSTEAM, CASE_NOTES))
                                .expect(PERMIT, BSN, CASE_NOTES)
                                .flow("F1")
                                .then(r -> {
                                    assertThat(r.consentIds()).containsExactly("c-bsn");
                                    assertThat(r.overrideId()).contains("o-notes");
                                }),

                        // ---- who may ask ----
                        row("Topicus asks for a PlusTeam case file")
                                .caller(TOPICUS, CARE_PROVIDER)
                                .holder(PLUSTEAM)
                                .recipient(TOPICUS, CARE_PROVIDER)
                                .purpose(ESCALATION)
                                .ask(BSN, CASE_NOTES)
                                .expect(DENY)
                                .codes(ReasonCode.PROCESSOR_CANNOT_RECEIVE),
                        row("Topicus pushes data as if it were a care provider")
                                .caller(TOPICUS, CARE_PROVIDER)
                                .holder(TOPICUS)
                                .recipient(WAALRE, MUNICIPAL_ACCESS)
                                .purpose(ACCOUNTABILITY)
                                .ask(BSN)
                                .expect(DENY)
                                .codes(ReasonCode.ROLE_NOT_HELD),
                        row("a CMD professional claims the adviser role")
                                .caller(WAALRE, ADVISOR)
                                .holder(WAALRE)
                                .recipient(PLUSTEAM, ADVISOR)
                                .purpose(ESCALATION)
                                .ask(BSN)
                                .expect(DENY)
                                .codes(ReasonCode.ROLE_NOT_HELD),
                        row("a municipality asks about an exchange between two others")
                                .caller(GM, MUNICIPAL_ACCESS)
                                .holder(PLUSTEAM)
                                .recipient(WAALRE, MUNICIPAL_ACCESS)
                                .purpose(ACCOUNTABILITY)
                                .ask(BSN)
                                .expect(DENY)
                                .codes(ReasonCode.NOT_A_PARTY),
                        row("holder and recipient are the same organisation")
                                .caller(PLUSTEAM, ADVISOR)
                                .holder(PLUSTEAM)
                                .recipient(PLUSTEAM, CARE_PROVIDER)
                                .purpose(MDO)
                                .ask(BSN)
                                .expect(DENY)
                                .codes(ReasonCode.SAME_ORGANISATION),
                        row("an organisation the framework does not know")
                                .caller(WAALRE, MUNICIPAL_ACCESS)
                                .holder(WAALRE)
                                .recipient("gemeente-elders", MUNICIPAL_ACCESS)
                                .purpose(MDO)
                                .ask(BSN)
                                .expect(DENY)
                                .codes(ReasonCode.UNKNOWN_ORGANISATION),
                        row("the PlusTeam pulls as care provider while acting as adviser")
                                .caller(PLUSTEAM, ADVISOR)
                                .holder(WAALRE)
                                .recipient(PLUSTEAM, CARE_PROVIDER)
                                .purpose(ESCALATION)
                                .ask(BSN)
                                .expect(DENY)
                                .codes(ReasonCode.ROLE_MISMATCH),
                        row("the PlusTeam pushes naming a holder role it is not acting in")
                                .caller(PLUSTEAM, ADVISOR)
                                .holder(PLUSTEAM)
                                .holderRole(CARE_PROVIDER)
                                .recipient(WAALRE, MUNICIPAL_ACCESS)
                                .purpose(ACCOUNTABILITY)
                                .ask(BSN)
                                .expect(DENY)
                                .codes(ReasonCode.ROLE_MISMATCH),
                        row("the recipient cannot act in the role asked")
                                .caller(WAALRE, MUNICIPAL_ACCESS)
                                .holder(WAALRE)
                                .recipient(PLUSTEAM, MUNICIPAL_ACCESS)
                                .purpose(ESCALATION)
                                .ask(BSN)
                                .expect(DENY)
                                .codes(ReasonCode.ROLE_NOT_HELD),
                        row("a pull naming a holder role the holder does not have")
                                .caller(WAALRE, MUNICIPAL_ACCESS)
                                .holder(PLUSTEAM)
                                .holderRole(MUNICIPAL_ACCESS)
                                .recipient(WAALRE, MUNICIPAL_ACCESS)
                                .purpose(ACCOUNTABILITY)
                                .ask(BSN)
                                .expect(DENY)
                                .codes(ReasonCode.ROLE_NOT_HELD),
                        row("no flow at all from a CMD to CBS")
                                .caller(WAALRE, MUNICIPAL_ACCESS)
                                .holder(WAALRE)
                                .recipient(CBS, STATISTICS)
                                .purpose(Purpose.STATISTICS)
                                .ask(CLOSURE)
                                .expect(DENY)
                                .codes(ReasonCode.NO_FLOW)
                                .then(
                                        r -> assertThat(r.reasons().get(0).messageNl())
                                                .contains(
                                                        "geen enkele afspraak waarmee gemeente-waalre gegevens verstrekt aan cbs")))
                .map(Expectation::row)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arguments")
    void decides(String scenario, Row row) {
        DecisionResult result = ENGINE.decide(row.request());
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(result.decision()).as("%s: decision", scenario).isEqualTo(row.decision());
        soft.assertThat(result.released()).as("%s: released", scenario).isEqualTo(row.released());
        soft.assertThat(result.reasonCodes()).as("%s: reason codes", scenario).isEqualTo(row.codes());
        soft.assertThat(result.flowId()).as("%s: flow", scenario).isEqualTo(Optional.ofNullable(row.flow()));
        soft.assertThat(result.conditions().stream().map(Reason::code).toList())
                .as("%s: conditions", scenario)
                .containsExactlyElementsOf(row.conditions());
        soft.assertAll();
        row.extra().accept(result);
    }

    @Test
    void everyDecisionReasonCodeHasARow() {
        Set<ReasonCode> covered = EnumSet.noneOf(ReasonCode.class);
        rows().forEach(r -> {
            covered.addAll(r.codes());
            covered.addAll(r.conditions());
        });
        Set<ReasonCode> expected = EnumSet.noneOf(ReasonCode.class);
        for (ReasonCode code : ReasonCode.values()) {
            if (code.use() == ReasonCode.Use.DECISION || code.use() == ReasonCode.Use.CONDITION) {
                expected.add(code);
            }
        }
        assertThat(covered).containsAll(expected);
    }

    @Test
    void everyFlowHasAPermitRow() {
        Set<String> permitted = new java.util.HashSet<>();
        rows().stream().filter(r -> r.decision() == PERMIT).forEach(r -> permitted.add(r.flow()));
        assertThat(permitted)
                .containsAll(Fixtures.FRAMEWORK.flows().stream().map(Flow::id).toList());
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> arguments() {
        return rows().stream().map(r -> org.junit.jupiter.params.provider.Arguments.of(r.scenario(), r));
    }

    // ---- the row language ----

    /** As CMD Waalre records it for its own data: so that Waalre, the caller, is among its named holders. */
    private static ConsentFact escalationConsent() {
        return onlyFromHolders(consent("c-esc", ESCALATION, PLUSTEAM, BSN, CASE_NOTES), WAALRE);
    }

    private static OverrideFact escalationOverride() {
        return override("o-esc", WAALRE, ESCALATION, PLUSTEAM, BSN, CASE_NOTES);
    }

    /** CMD Waalre escalates BSN and case notes to the PlusTeam adviser (F1, consent required, overridable). */
    private static RowBuilder consentRow(String scenario) {
        return row("F1 " + scenario)
                .caller(WAALRE, MUNICIPAL_ACCESS)
                .holder(WAALRE)
                .recipient(PLUSTEAM, ADVISOR)
                .purpose(ESCALATION)
                .ask(BSN, CASE_NOTES);
    }

    private static RowBuilder row(String scenario) {
        return new RowBuilder(scenario);
    }

    record Row(
            String scenario,
            DecisionRequest request,
            Decision decision,
            Set<Category> released,
            Set<ReasonCode> codes,
            String flow,
            List<ReasonCode> conditions,
            Consumer<DecisionResult> extra) {
        @Override
        public String toString() {
            return scenario;
        }
    }

    static final class RowBuilder {
        private final String scenario;
        private final DecisionRequest.Builder request =
                DecisionRequest.builder().time(T).subject(SUBJECT);
        private final List<ConsentFact> consents = new ArrayList<>();
        private final List<MeasureFact> measures = new ArrayList<>();
        private OverrideFact override;
        private Facts facts;

        RowBuilder(String scenario) {
            this.scenario = scenario;
        }

        RowBuilder caller(String organisation, ActingRole role) {
            request.caller(OrganisationId.of(organisation), role, "user-" + organisation);
            return this;
        }

        RowBuilder holder(String organisation) {
            request.holder(OrganisationId.of(organisation));
            return this;
        }

        RowBuilder holderRole(ActingRole role) {
            request.holderRole(role);
            return this;
        }

        RowBuilder recipient(String organisation, ActingRole role) {
            request.recipient(OrganisationId.of(organisation), role);
            return this;
        }

        RowBuilder purpose(Purpose purpose) {
            request.purpose(purpose);
            return this;
        }

        RowBuilder ask(Category first, Category... rest) {
            request.categories(first, rest);
            return this;
        }

        RowBuilder at(Instant time) {
            request.time(time);
            return this;
        }

        RowBuilder general() {
            request.subject(null);
            return this;
        }

        RowBuilder consents(ConsentFact... facts) {
            consents.addAll(List.of(facts));
            return this;
        }

        RowBuilder measures(MeasureFact... facts) {
            measures.addAll(List.of(facts));
            return this;
        }

        RowBuilder override(OverrideFact invoked) {
            this.override = invoked;
            return this;
        }

        RowBuilder facts(Facts facts) {
            this.facts = facts;
            return this;
        }

        Expectation expect(Decision decision, Category... released) {
            Facts built = facts != null
                    ? facts
                    : new Facts(
                            consents,
                            override == null ? List.of() : List.of(override),
                            measures,
                            Optional.ofNullable(override).map(OverrideFact::id));
            request.facts(built);
            Set<Category> set = EnumSet.noneOf(Category.class);
            set.addAll(List.of(released));
            return new Expectation(scenario, request.build(), decision, set);
        }
    }

    static final class Expectation {
        private final String scenario;
        private final DecisionRequest request;
        private final Decision decision;
        private final Set<Category> released;
        private final Set<ReasonCode> codes = EnumSet.noneOf(ReasonCode.class);
        private final List<ReasonCode> conditions = new ArrayList<>();
        private String flow;
        private Consumer<DecisionResult> extra = r -> {};

        Expectation(String scenario, DecisionRequest request, Decision decision, Set<Category> released) {
            this.scenario = scenario;
            this.request = request;
            this.decision = decision;
            this.released = released;
        }

        Expectation codes(ReasonCode... expected) {
            codes.addAll(List.of(expected));
            return this;
        }

        Expectation flow(String id) {
            this.flow = id;
            return this;
        }

        Expectation conditions(ReasonCode... expected) {
            conditions.addAll(List.of(expected));
            return this;
        }

        Expectation then(Consumer<DecisionResult> assertions) {
            this.extra = assertions;
            return this;
        }

        Row row() {
            return new Row(scenario, request, decision, released, codes, flow, conditions, extra);
        }
    }
}
