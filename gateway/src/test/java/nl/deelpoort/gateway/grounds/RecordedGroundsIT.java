package nl.deelpoort.gateway.grounds;

import static nl.deelpoort.gateway.grounds.GroundsFixtures.bornYearsAgo;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.escalationConsent;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.freshBsn;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.giver;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.ok;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import nl.deelpoort.gateway.decision.GroundsFacts;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.ConsentFact;
import nl.deelpoort.policy.Facts;
import nl.deelpoort.policy.MeasureFact;
import nl.deelpoort.policy.MeasureType;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.OverrideFact;
import nl.deelpoort.policy.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The grounds as the decision engine receives them: mapped field by field, in one statement. */
class RecordedGroundsIT extends IntegrationTest {

    @Autowired
    GroundsFacts grounds;

    @Autowired
    SubjectPseudonyms pseudonyms;

    @Autowired
    DataSource dataSource;

    @Test
    void consentsOverridesAndMeasuresOfTheSubjectReachTheEngine() {
        String child = freshBsn();
        String consentId = ok(
                        api().post(
                                        "/api/v1/consents",
                                        tokens().user("carla.cmd-waalre"),
                                        Api.json(escalationConsent(
                                                child, bornYearsAgo(10), List.of(giver("PARENT_WITH_AUTHORITY"))))),
                        201)
                .path("id")
                .asString();
        String overrideId = ok(
                        api().post(
                                        "/api/v1/overrides",
                                        tokens().user("fleur.veiligthuis"),
                                        Api.json(OverrideIT.mdoOverride(child))),
                        201)
                .path("id")
                .asString();
        String measureId = ok(
                        api().post(
                                        "/api/v1/measures",
                                        tokens().user("eva.gi"),
                                        Api.json(MeasureIT.ots(child, bornYearsAgo(10)))),
                        201)
                .path("id")
                .asString();
        String pseudonym = pseudonyms.existingPseudonym(Bsn.of(child)).orElseThrow();

        assertThat(grounds).isInstanceOf(RecordedGrounds.class);
        Facts facts = grounds.factsFor(pseudonym, Optional.of(overrideId));
        assertThat(facts.invokedOverrideId()).contains(overrideId);

        assertThat(facts.consents()).hasSize(1);
        ConsentFact consent = facts.consents().get(0);
        assertThat(consent.id()).isEqualTo(consentId);
        assertThat(consent.subjectPseudonym()).isEqualTo(pseudonym);
        assertThat(consent.purposes()).containsExactly(Purpose.ESCALATION);
        assertThat(consent.recipients()).containsExactly(OrganisationId.of("plusteam"));
        assertThat(consent.holders()).containsExactly(OrganisationId.of("gemeente-waalre"));
        assertThat(consent.categories())
                .isEqualTo(Set.of(Category.BSN, Category.PERSONALIA, Category.HOUSEHOLD, Category.CASE_NOTES));
        assertThat(consent.validFrom()).isEqualTo(ConsentRecord.startOf(today()));
        assertThat(consent.validUntil()).isEqualTo(ConsentRecord.startOf(today().plusMonths(12)));
        assertThat(consent.withdrawnAt()).isNull();

        assertThat(facts.overrides()).hasSize(1);
        OverrideFact override = facts.overrides().get(0);
        assertThat(override.id()).isEqualTo(overrideId);
        assertThat(override.declaringOrganisation()).isEqualTo(OrganisationId.of("veilig-thuis"));
        assertThat(override.purpose()).isEqualTo(Purpose.MDO);
        assertThat(override.recipients()).containsExactly(OrganisationId.of("plusteam"));
        assertThat(override.expiresAt()).isAfter(override.declaredAt());
        assertThat(override.endedAt()).isNull();

        assertThat(facts.measures()).hasSize(1);
        MeasureFact measure = facts.measures().get(0);
        assertThat(measure.id()).isEqualTo(measureId);
        assertThat(measure.type()).isEqualTo(MeasureType.OTS);
        assertThat(measure.registeredBy()).isEqualTo(OrganisationId.of("gi-intervence"));
        assertThat(measure.validUntil()).isEqualTo(ConsentRecord.startOf(today().plusYears(1)));

        ok(
                api().post(
                                "/api/v1/consents/" + consentId + "/withdrawal",
                                tokens().user("carla.cmd-waalre"),
                                Api.json(Map.of("reason", "verhuisd", "withdrawnBy", giver("PARENT_WITH_AUTHORITY")))),
                200);
        ok(api().post("/api/v1/overrides/" + overrideId + "/end", tokens().user("fleur.veiligthuis"), ""), 200);
        ok(api().post("/api/v1/measures/" + measureId + "/end", tokens().user("eva.gi"), ""), 200);
        Facts after = grounds.factsFor(pseudonym, Optional.empty());
        assertThat(after.consents().get(0).withdrawnAt()).isNotNull();
        assertThat(after.overrides().get(0).endedAt()).isNotNull();
        assertThat(after.measures().get(0).endedAt()).isNotNull();

        assertThat(grounds.factsFor(pseudonyms.pseudonym(Bsn.of(freshBsn())), Optional.empty()))
                .isEqualTo(Facts.none());

        // By BSN: the same pseudonym and the same facts, read with it in one statement.
        GroundsFacts.Subject subject = grounds.subject(Bsn.of(child), Optional.of(overrideId));
        assertThat(subject.pseudonym()).isEqualTo(pseudonym);
        assertThat(subject.facts()).isEqualTo(grounds.factsFor(pseudonym, Optional.of(overrideId)));
    }

    @Test
    void aSubjectWithoutGroundsOrPseudonymIsGivenOneAndNoFacts() {
        Bsn known = Bsn.of(freshBsn());
        String pseudonym = pseudonyms.pseudonym(known);
        assertThat(grounds.subject(known, Optional.empty()))
                .isEqualTo(new GroundsFacts.Subject(pseudonym, Facts.none()));

        Bsn unknown = Bsn.of(freshBsn());
        GroundsFacts.Subject first = grounds.subject(unknown, Optional.empty());
        assertThat(first.facts()).isEqualTo(Facts.none());
        assertThat(pseudonyms.existingPseudonym(unknown)).contains(first.pseudonym());
        assertThat(first.pseudonym()).isNotEqualTo(pseudonym);
    }

    @Test
    void allGroundsOfASubjectCostOneStatementAndSoDoItsPseudonymAndGrounds() throws Exception {
        String bsn = freshBsn();
        ok(
                api().post(
                                "/api/v1/consents",
                                tokens().user("carla.cmd-waalre"),
                                Api.json(escalationConsent(bsn, bornYearsAgo(30), List.of(giver("SUBJECT"))))),
                201);
        ok(
                api().post(
                                "/api/v1/overrides",
                                tokens().user("fleur.veiligthuis"),
                                Api.json(OverrideIT.mdoOverride(bsn))),
                201);
        String pseudonym = pseudonyms.existingPseudonym(Bsn.of(bsn)).orElseThrow();

        AtomicInteger statements = new AtomicInteger();
        try (Connection real = dataSource.getConnection()) {
            Connection counting = (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare")
                                || method.getName().equals("createStatement")) {
                            statements.incrementAndGet();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            RecordedGrounds counted = new RecordedGrounds(
                    JdbcClient.create(new SingleConnectionDataSource(counting, true)), pseudonyms, Clock.systemUTC());
            Facts facts = counted.factsFor(pseudonym, Optional.empty());
            assertThat(facts.consents()).hasSize(1);
            assertThat(facts.overrides()).hasSize(1);
            assertThat(statements.get()).isEqualTo(1);

            // A decision's lookup by BSN: the known subject's pseudonym and its grounds, one statement too.
            GroundsFacts.Subject subject = counted.subject(Bsn.of(bsn), Optional.empty());
            assertThat(subject.pseudonym()).isEqualTo(pseudonym);
            assertThat(subject.facts()).isEqualTo(facts);
        }
        assertThat(statements.get()).isEqualTo(2);
    }
}
