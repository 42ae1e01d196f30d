package nl.deelpoort.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Facts and constants shared by the engine tests; all times are relative to {@link #T}. */
final class Fixtures {
    static final Framework FRAMEWORK = FrameworkLoader.loadDefault();
    static final DecisionEngine ENGINE = new DecisionEngine(FRAMEWORK);

    static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    static final String SUBJECT = "subject-7f3a";
    static final String OTHER_SUBJECT = "subject-0b11";

    static final String GM = "gemeente-geldrop-mierlo";
    static final String WAALRE = "gemeente-waalre";
    static final String VEERE = "gemeente-veere";
    static final String PLUSTEAM = "plusteam";
    static final String PORTHOS = "porthos";
    static final String GI = "gi-intervence";
    static final String VT = "veilig-thuis";
    static final String TOPICUS = "topicus";
    static final String CBS = "cbs";

    private Fixtures() {}

    static OrganisationId org(String id) {
        return OrganisationId.of(id);
    }

    static Set<OrganisationId> orgs(String... ids) {
        return Arrays.stream(ids).map(OrganisationId::of).collect(Collectors.toSet());
    }

    static Instant hours(long h) {
        return T.plus(Duration.ofHours(h));
    }

    static Instant days(long d) {
        return T.plus(Duration.ofDays(d));
    }

    /** An active consent of {@link #SUBJECT} for one purpose and recipient, any holder. */
    static ConsentFact consent(String id, Purpose purpose, String recipient, Category... categories) {
        return new ConsentFact(
                id,
                SUBJECT,
                EnumSet.of(purpose),
                orgs(recipient),
                Set.of(),
                EnumSet.copyOf(Arrays.asList(categories)),
                days(-30),
                days(300),
                null);
    }

    static ConsentFact withdrawnAt(ConsentFact c, Instant at) {
        return new ConsentFact(
                c.id(),
                c.subjectPseudonym(),
                c.purposes(),
                c.recipients(),
                c.holders(),
                c.categories(),
                c.validFrom(),
                c.validUntil(),
                at);
    }

    static ConsentFact valid(ConsentFact c, Instant from, Instant until) {
        return new ConsentFact(
                c.id(),
                c.subjectPseudonym(),
                c.purposes(),
                c.recipients(),
                c.holders(),
                c.categories(),
                from,
                until,
                c.withdrawnAt());
    }

    static ConsentFact onlyFromHolders(ConsentFact c, String... holders) {
        return new ConsentFact(
                c.id(),
                c.subjectPseudonym(),
                c.purposes(),
                c.recipients(),
                orgs(holders),
                c.categories(),
                c.validFrom(),
                c.validUntil(),
                c.withdrawnAt());
    }

    static ConsentFact ofSubject(ConsentFact c, String subject) {
        return new ConsentFact(
                c.id(),
                subject,
                c.purposes(),
                c.recipients(),
                c.holders(),
                c.categories(),
                c.validFrom(),
                c.validUntil(),
                c.withdrawnAt());
    }

    /** An override of {@link #SUBJECT} declared an hour ago for 48 hours. */
    static OverrideFact override(
            String id, String declaredBy, Purpose purpose, String recipient, Category... categories) {
        return new OverrideFact(
                id,
                SUBJECT,
                org(declaredBy),
                purpose,
                orgs(recipient),
                EnumSet.copyOf(Arrays.asList(categories)),
                hours(-1),
                hours(47),
                null);
    }

    static OverrideFact overrideTimes(OverrideFact o, Instant declared, Instant expires, Instant ended) {
        return new OverrideFact(
                o.id(),
                o.subjectPseudonym(),
                o.declaringOrganisation(),
                o.purpose(),
                o.recipients(),
                o.categories(),
                declared,
                expires,
                ended);
    }

    /** A supervision order for {@link #SUBJECT}, in force from a month ago for a year. */
    static MeasureFact measure(String id, String registeredBy) {
        return new MeasureFact(id, SUBJECT, MeasureType.OTS, org(registeredBy), days(-30), days(335), null);
    }

    static MeasureFact ended(MeasureFact m, Instant at) {
        return new MeasureFact(
                m.id(), m.subjectPseudonym(), m.type(), m.registeredBy(), m.validFrom(), m.validUntil(), at);
    }
}
