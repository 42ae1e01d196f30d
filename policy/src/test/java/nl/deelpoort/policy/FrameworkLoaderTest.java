package nl.deelpoort.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Period;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrameworkLoaderTest {

    /** A small valid framework; each invalid fixture below changes one thing in it. */
    private static final String VALID = """
            organisations:
              - id: gemeente-a
                name: Gemeente A
                kind: MUNICIPALITY
                roles: [MUNICIPAL_ACCESS]
              - id: team-b
                name: Team B
                kind: SOCIAL_TEAM
                roles: [ADVISOR, CARE_PROVIDER]
                contact:
                  email: fg@team-b.example
                  phone: "088 123 45 67"
                  website: https://team-b.example/privacy
              - id: host-c
                name: Host C
                kind: PROCESSOR
            agreements:
              - id: ovk
                version: 1
                title: Overeenkomst
                parties:
                  - {organisation: gemeente-a, role: CONTROLLER}
                  - {organisation: team-b, role: CONTROLLER}
                  - {organisation: host-c, role: SUB_PROCESSOR}
                validFrom: 2024-01-01
                validUntil: 2025-12-31
                retention: P20Y
                sources:
                  - {ref: "000:L169", text: "In de verwerkersovereenkomst staat beschreven hoe gegevensdeling plaats vindt."}
            flows:
              - id: UP
                agreement: ovk
                purpose: ESCALATION
                holder: {kinds: [MUNICIPALITY], roles: [MUNICIPAL_ACCESS]}
                recipient: {ids: [team-b], roles: [ADVISOR]}
                categories: [BSN, PERSONALIA, CASE_NOTES]
                legalBasis: CONSENT
                consentRequired: true
                overridable: true
                sources:
                  - ref: "000:L168"
                    text: "Persoonsgegevens worden met toestemming van de hulpvragers gedeeld bij het opschalen."
                  - ref: "000:L484"
                    text: "PT neemt de leiding als veiligheid in het geding is."
              - id: ASK
                agreement: ovk
                purpose: SAFETY_CONSULTATION
                holder: {kinds: [MUNICIPALITY], roles: [MUNICIPAL_ACCESS]}
                recipient: {ids: [team-b], roles: [ADVISOR]}
                categories: [ASSESSMENT, SAFETY, HEALTH]
                legalBasis: LEGAL_TASK
                noIdentifyingCategories: true
                sources:
                  - {ref: "004:L93", text: "… wanneer treden ze op en wanneer adviseren ze."}
            consent:
              jointFromAge: 12
              aloneFromAge: 16
              adultAge: 18
              maxValidity: P12M
              defaultValidity: P12M
            override:
              declaringKinds: [MUNICIPALITY, SOCIAL_TEAM]
              maxDuration: PT72H
              minJustificationLength: 40
              riskLevels: [MIDDEN, HOOG]
            """;

    private static final String VERSION_2 = """
              - id: ovk
                version: 2
                title: Overeenkomst, tweede versie
                parties:
                  - {organisation: gemeente-a, role: CONTROLLER}
                validFrom: %s
                retention: P20Y
            flows:""";

    static Stream<Arguments> invalidFrameworks() {
        return Stream.of(
                invalid(
                        "unknown organisation in a flow",
                        "recipient: {ids: [team-b], roles: [ADVISOR]}\n    categories: [BSN",
                        "recipient: {ids: [team-z], roles: [ADVISOR]}\n    categories: [BSN",
                        "flows[0].recipient.ids[0]: unknown organisation 'team-z'"),
                invalid(
                        "unknown organisation kind",
                        "kind: SOCIAL_TEAM",
                        "kind: SOCIAL_TEEM",
                        "organisations[1].kind: unknown organisation kind 'SOCIAL_TEEM'"),
                invalid(
                        "unknown acting role",
                        "holder: {kinds: [MUNICIPALITY], roles: [MUNICIPAL_ACCESS]}\n    recipient: {ids: [team-b],"
                                + " roles: [ADVISOR]}\n    categories: [BSN",
                        "holder: {kinds: [MUNICIPALITY], roles: [CMD]}\n    recipient: {ids: [team-b], roles:"
                                + " [ADVISOR]}\n    categories: [BSN",
                        "flows[0].holder.roles[0]: unknown acting role 'CMD'"),
                invalid(
                        "unknown category",
                        "categories: [ASSESSMENT, SAFETY, HEALTH]",
                        "categories: [ASSESSMENT, SAFETY, HELTH]",
                        "flows[1].categories[2]: unknown category 'HELTH'"),
                invalid(
                        "unknown purpose",
                        "purpose: ESCALATION",
                        "purpose: OPSCHALEN",
                        "flows[0].purpose: unknown purpose 'OPSCHALEN'"),
                invalid(
                        "unknown legal basis",
                        "legalBasis: LEGAL_TASK",
                        "legalBasis: VITAL_INTEREST",
                        "flows[1].legalBasis: unknown legal basis 'VITAL_INTEREST'"),
                invalid(
                        "flow without a legal basis",
                        "    legalBasis: LEGAL_TASK\n",
                        "",
                        "flows[1].legalBasis: missing: every flow needs a legal basis"),
                invalid(
                        "categories as a wildcard",
                        "categories: [ASSESSMENT, SAFETY, HEALTH]",
                        "categories: \"*\"",
                        "flows[1].categories: wildcard '*' is not allowed"),
                invalid(
                        "a wildcard among the categories would hide HEALTH and JUSTICE",
                        "categories: [BSN, PERSONALIA, CASE_NOTES]",
                        "categories: [BSN, ALL]",
                        "flows[0].categories[1]: wildcard 'ALL' is not allowed: name every category explicitly, so"
                                + " that special categories (HEALTH, JUSTICE)"),
                invalid(
                        "a category listed twice",
                        "categories: [BSN, PERSONALIA, CASE_NOTES]",
                        "categories: [BSN, PERSONALIA, BSN]",
                        "flows[0].categories[2]: category BSN is listed twice"),
                invalid(
                        "overlapping versions of one agreement",
                        "flows:",
                        VERSION_2.formatted("2025-06-01"),
                        "agreements[1]: validity 2025-06-01..open of agreement 'ovk' version 2 overlaps version 1"
                                + " (agreements[0], 2024-01-01..2025-12-31)"),
                invalid(
                        "the same agreement id and version twice",
                        "flows:",
                        VERSION_2.formatted("2026-01-01").replace("version: 2", "version: 1"),
                        "agreements[1].version: duplicate agreement 'ovk' version 1 (also agreements[0])"),
                invalid(
                        "a flow under an unknown agreement",
                        "agreement: ovk\n    purpose: SAFETY_CONSULTATION",
                        "agreement: convenant\n    purpose: SAFETY_CONSULTATION",
                        "flows[1].agreement: unknown agreement 'convenant'"),
                invalid(
                        "a PROCESSOR kind as recipient",
                        "recipient: {ids: [team-b], roles: [ADVISOR]}\n    categories: [ASSESSMENT",
                        "recipient: {kinds: [PROCESSOR], roles: [ADVISOR]}\n    categories: [ASSESSMENT",
                        "flows[1].recipient.kinds[0]: a PROCESSOR never receives data"),
                invalid(
                        "a processor organisation as recipient",
                        "recipient: {ids: [team-b], roles: [ADVISOR]}\n    categories: [ASSESSMENT",
                        "recipient: {ids: [team-b, host-c], roles: [ADVISOR]}\n    categories: [ASSESSMENT",
                        "flows[1].recipient.ids[1]: host-c is a PROCESSOR and never receives data"),
                invalid(
                        "a processor as controller of an agreement",
                        "{organisation: host-c, role: SUB_PROCESSOR}",
                        "{organisation: host-c, role: CONTROLLER}",
                        "agreements[0].parties[2].role: host-c is a PROCESSOR and cannot be a CONTROLLER"),
                invalid(
                        "identifying category on an anonymous flow",
                        "categories: [ASSESSMENT, SAFETY, HEALTH]",
                        "categories: [ASSESSMENT, SAFETY, BSN]",
                        "flows[1].categories[2]: BSN identifies a person, but the flow sets noIdentifyingCategories"),
                invalid(
                        "consent basis without a consent check",
                        "    consentRequired: true\n    overridable: true\n",
                        "",
                        "flows[0].consentRequired: a flow on the basis CONSENT must set consentRequired: true"),
                invalid(
                        "a misspelt field",
                        "consentRequired: true",
                        "consentRequierd: true",
                        "flows[0].consentRequierd: unknown field"),
                invalid("duplicate flow id", "- id: ASK", "- id: UP", "flows[1].id: duplicate flow id 'UP'"),
                invalid(
                        "duplicate organisation id",
                        "- id: team-b",
                        "- id: gemeente-a",
                        "organisations[1].id: duplicate organisation id 'gemeente-a'"),
                invalid(
                        "organisation id not in the id format",
                        "- id: team-b",
                        "- id: Team_B",
                        "organisations[1].id: 'Team_B' is not a valid organisation id"),
                invalid(
                        "agreement that ends before it starts",
                        "validUntil: 2025-12-31",
                        "validUntil: 2023-12-31",
                        "agreements[0].validUntil: ends (2023-12-31) before it starts (2024-01-01)"),
                invalid(
                        "flow without a source",
                        "    sources:\n      - {ref: \"004:L93\"",
                        "    legacy:\n      - {ref: \"004:L93\"",
                        "flows[1].sources: missing"),
                invalid(
                        "flow with an empty list of sources",
                        "    sources:\n      - {ref: \"004:L93\", text: \"… wanneer treden ze op en wanneer adviseren ze.\"}",
                        "    sources: []",
                        "flows[1].sources: name at least one sentence of the policy documents"),
                invalid(
                        "the old source field, references without their sentences",
                        "    sources:\n      - {ref: \"004:L93\", text: \"… wanneer treden ze op en wanneer adviseren ze.\"}",
                        "    source: \"004:L93\"",
                        "flows[1].source: unknown field"),
                invalid(
                        "a reference that names no line",
                        "ref: \"004:L93\"",
                        "ref: \"004:93\"",
                        "flows[1].sources[0].ref: '004:93' is not a reference to a line such as 000:L168"),
                invalid(
                        "a quote without its sentence",
                        "{ref: \"004:L93\", text: \"… wanneer treden ze op en wanneer adviseren ze.\"}",
                        "{ref: \"004:L93\", text: \" \"}",
                        "flows[1].sources[0].text: the quoted sentence is empty"),
                invalid(
                        "a quote without a text field",
                        "{ref: \"004:L93\", text: \"… wanneer treden ze op en wanneer adviseren ze.\"}",
                        "{ref: \"004:L93\"}",
                        "flows[1].sources[0].text: missing"),
                invalid(
                        "a line quoted twice in one list",
                        "ref: \"000:L484\"",
                        "ref: \"000:L168\"",
                        "flows[0].sources[1].ref: 000:L168 is quoted twice"),
                invalid(
                        "an agreement's quote longer than a sentence or two",
                        "text: \"In de verwerkersovereenkomst staat beschreven hoe gegevensdeling plaats vindt.\"",
                        "text: \"" + "zin ".repeat(101).strip() + "\"",
                        "agreements[0].sources[0].text: the quoted sentence has 403 characters, more than 400"),
                invalid(
                        "default consent validity longer than the maximum",
                        "defaultValidity: P12M",
                        "defaultValidity: P13M",
                        "consent.defaultValidity: is longer than maxValidity P12M"),
                invalid(
                        "a processor may not declare an override",
                        "declaringKinds: [MUNICIPALITY, SOCIAL_TEAM]",
                        "declaringKinds: [MUNICIPALITY, PROCESSOR]",
                        "override.declaringKinds: a PROCESSOR cannot declare a safety override"),
                invalid(
                        "an unknown risk level",
                        "riskLevels: [MIDDEN, HOOG]",
                        "riskLevels: [LAAG, HOOG]",
                        "override.riskLevels[0]: unknown risk level 'LAAG'"),
                invalid(
                        "a privacy contact without an e-mail address",
                        "email: fg@team-b.example",
                        "email: fg at team-b",
                        "organisations[1].contact.email: 'fg at team-b' is not an e-mail address"),
                invalid(
                        "a privacy website over plain http",
                        "website: https://team-b.example/privacy",
                        "website: http://team-b.example/privacy",
                        "organisations[1].contact.website: 'http://team-b.example/privacy' is not an https address"),
                invalid(
                        "a phone number with letters",
                        "phone: \"088 123 45 67\"",
                        "phone: \"bel ons\"",
                        "organisations[1].contact.phone: 'bel ons' is not a telephone number"),
                invalid(
                        "a privacy contact without an address at all",
                        "      email: fg@team-b.example\n",
                        "",
                        "organisations[1].contact.email: missing"),
                invalid("not YAML at all", "organisations:", "organisations: [", "not valid YAML"),
                // Found by FrameworkLoaderFuzzTest: each escaped as a java.time exception or a stack overflow.
                invalid(
                        "a period beyond a century",
                        "defaultValidity: P12M",
                        "defaultValidity: P999999999Y",
                        "consent.defaultValidity: must be at most P100Y"),
                invalid(
                        "a date beyond the year 9999",
                        "validUntil: 2025-12-31",
                        "validUntil: \"+999999999-12-31\"",
                        "agreements[0].validUntil: must lie between 1900-01-01 and 9999-12-31"),
                invalid(
                        "an override duration beyond a year",
                        "maxDuration: PT72H",
                        "maxDuration: PT9000H",
                        "override.maxDuration: must be at most PT8784H"),
                invalid(
                        "a list that contains itself",
                        "minJustificationLength: 40",
                        "minJustificationLength: &a [[*a]]",
                        "override.minJustificationLength: expected a positive whole number, got '(a list)'"),
                invalid("an empty file", VALID, "", "(document): empty"));
    }

    private static Arguments invalid(String scenario, String find, String replace, String expected) {
        if (!VALID.contains(find)) {
            throw new IllegalArgumentException(scenario + ": fixture text not found: " + find);
        }
        return Arguments.of(scenario, VALID.replace(find, replace), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFrameworks")
    void refusesInvalidFramework(String scenario, String yaml, String expected) {
        assertThatThrownBy(() -> parse(yaml))
                .as(scenario)
                .isInstanceOf(FrameworkException.class)
                .hasMessageContaining("fixture.yaml")
                .hasMessageContaining(expected);
    }

    @Test
    void theValidFixtureLoads() {
        Framework framework = parse(VALID);
        assertThat(framework.flows()).extracting(Flow::id).containsExactly("UP", "ASK");
        assertThat(framework.organisation(OrganisationId.of("host-c")))
                .hasValueSatisfying(o -> assertThat(o.kind()).isEqualTo(OrganisationKind.PROCESSOR));
        assertThat(framework.consentPolicy().maxValidity()).isEqualTo(Period.ofMonths(12));
        assertThat(framework.overridePolicy().maxDuration()).isEqualTo(Duration.ofHours(72));
        assertThat(framework.organisation(OrganisationId.of("team-b")).flatMap(Organisation::contact))
                .contains(new Contact(
                        "fg@team-b.example",
                        Optional.of("088 123 45 67"),
                        Optional.of("https://team-b.example/privacy")));
        assertThat(framework.organisation(OrganisationId.of("gemeente-a")).flatMap(Organisation::contact))
                .isEmpty();
    }

    @Test
    void flowsAndAgreementsCarryTheirSourceSentencesInTheOrderOfTheFile() {
        Framework framework = parse(VALID);
        Flow up = framework.flow("UP").orElseThrow();
        assertThat(up.sources())
                .containsExactly(
                        new SourceQuote(
                                "000:L168",
                                "Persoonsgegevens worden met toestemming van de hulpvragers gedeeld bij het opschalen."),
                        new SourceQuote("000:L484", "PT neemt de leiding als veiligheid in het geding is."));
        assertThat(up.source()).isEqualTo("000:L168, 000:L484");
        Agreement ovk = framework.agreementVersions("ovk").get(0);
        assertThat(ovk.sources()).extracting(SourceQuote::ref).containsExactly("000:L169");
        assertThat(ovk.source()).isEqualTo("000:L169");

        Agreement unquoted = parse(VALID.replace(
                        "    sources:\n      - {ref: \"000:L169\", text: \"In de verwerkersovereenkomst staat"
                                + " beschreven hoe gegevensdeling plaats vindt.\"}\n",
                        ""))
                .agreementVersions("ovk")
                .get(0);
        assertThat(unquoted.sources())
                .as("an agreement may leave its sources out")
                .isEmpty();
        assertThat(unquoted.source()).isEmpty();
    }

    @Test
    void consecutiveVersionsOfAnAgreementAreFine() {
        Framework framework = parse(VALID.replace("flows:", VERSION_2.formatted("2026-01-01")));
        assertThat(framework.agreementVersions("ovk"))
                .extracting(Agreement::version)
                .containsExactly(1, 2);
        assertThat(framework.agreementInForce("ovk", java.time.Instant.parse("2026-06-01T00:00:00Z")))
                .hasValueSatisfying(a -> assertThat(a.version()).isEqualTo(2));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String yaml =
                VALID.replace("purpose: ESCALATION", "purpose: OPSCHALEN").replace("kind: SOCIAL_TEAM", "kind: TEAM");
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(
                        FrameworkException.class,
                        e -> assertThat(e.problems())
                                .anyMatch(p -> p.startsWith("flows[0].purpose"))
                                .anyMatch(p -> p.startsWith("organisations[1].kind")));
    }

    @Test
    void policyVersionIsTheSha256OfTheFileBytes() throws Exception {
        byte[] bytes = VALID.getBytes(StandardCharsets.UTF_8);
        String expected = "sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(parse(VALID).policyVersion()).isEqualTo(expected);
        // Even a comment is a new policy: the version identifies the exact text that decided.
        assertThat(parse(VALID + "# reviewed\n").policyVersion()).isNotEqualTo(expected);
    }

    @Test
    void defaultFrameworkHasTheWholeDomain() throws IOException {
        Framework framework = FrameworkLoader.loadDefault();
        assertThat(framework.flows())
                .extracting(Flow::id)
                .containsExactly("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12");
        assertThat(framework.organisations())
                .extracting(o -> o.id().value())
                .containsExactly(
                        "gemeente-geldrop-mierlo",
                        "gemeente-waalre",
                        "gemeente-veere",
                        "plusteam",
                        "porthos",
                        "gi-intervence",
                        "veilig-thuis",
                        "topicus",
                        "cbs");
        assertThat(framework.flows()).allSatisfy(f -> assertThat(f.sources()).isNotEmpty());
        assertThat(framework.agreements())
                .allSatisfy(a -> assertThat(a.sources()).isNotEmpty());
        // A resident can reach the privacy officer of every organisation that takes part in a flow.
        assertThat(framework.organisations())
                .filteredOn(o -> o.kind() != OrganisationKind.PROCESSOR)
                .allSatisfy(o -> assertThat(o.contact()).as(o.id().value()).isPresent());
        // HEALTH is named by the investigation flow only, and JUSTICE by none.
        assertThat(framework.flows().stream().filter(f -> f.names(Category.HEALTH)))
                .extracting(Flow::id)
                .containsExactly("F6");
        assertThat(framework.flows()).noneMatch(f -> f.names(Category.JUSTICE));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FrameworkLoader.DEFAULT_RESOURCE)) {
            assertThat(framework.policyVersion()).isEqualTo(FrameworkLoader.policyVersion(in.readAllBytes()));
        }
    }

    @Test
    void loadsFromAFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("framework.yaml"), VALID);
        assertThat(FrameworkLoader.load(good).source()).isEqualTo(good.toString());

        Path bad = Files.writeString(dir.resolve("broken.yaml"), VALID.replace("HEALTH]", "HELTH]"));
        assertThatThrownBy(() -> FrameworkLoader.load(bad))
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("flows[1].categories[2]: unknown category 'HELTH'");

        assertThatThrownBy(() -> FrameworkLoader.load(dir.resolve("missing.yaml")))
                .isInstanceOf(FrameworkException.class)
                .hasMessageContaining("missing.yaml");
    }

    private static Framework parse(String yaml) {
        return FrameworkLoader.parse("fixture.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }
}
