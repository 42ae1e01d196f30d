package nl.deelpoort.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * publiccode.yml against the rules of the publiccode.yml standard (core schema 0.4: required keys, the
 * controlled vocabularies, description lengths) and against the code: the licence is the one in
 * LICENSE and in the poms, the version the poms'. No publiccode.yml parser is published on Maven
 * Central or npm (the reference parser is a Go program), so the rules are written out here.
 */
class PubliccodeTest {

    private static final Path ROOT = Path.of(System.getProperty("deelpoort.root", ".."));

    /** softwareType values of the standard. */
    private static final Set<String> SOFTWARE_TYPES = Set.of(
            "standalone/mobile",
            "standalone/iot",
            "standalone/desktop",
            "standalone/web",
            "standalone/backend",
            "standalone/other",
            "addon",
            "library",
            "configurationFiles");

    private static final Set<String> DEVELOPMENT_STATUSES =
            Set.of("concept", "development", "beta", "stable", "obsolete");

    private static final Set<String> MAINTENANCE_TYPES = Set.of("internal", "contract", "community", "none");

    /** The standard's categories list. */
    private static final Set<String> CATEGORIES = Set.of(
            "accounting",
            "agile-project-management",
            "applicant-tracking",
            "application-development",
            "appointment-scheduling",
            "backup",
            "billing-and-invoicing",
            "blog",
            "budgeting",
            "business-intelligence",
            "business-process-management",
            "cad",
            "call-center-management",
            "cloud-management",
            "collaboration",
            "communications",
            "compliance-management",
            "contact-management",
            "content-management",
            "crm",
            "customer-service-and-support",
            "data-analytics",
            "data-collection",
            "data-visualization",
            "design",
            "design-system",
            "digital-asset-management",
            "digital-citizenship",
            "document-management",
            "donor-management",
            "e-commerce",
            "e-signature",
            "educational-content",
            "email-management",
            "email-marketing",
            "employee-management",
            "enterprise-project-management",
            "enterprise-social-networking",
            "erp",
            "event-management",
            "facility-management",
            "feedback-and-reviews-management",
            "financial-reporting",
            "fleet-management",
            "fundraising",
            "gamification",
            "geographic-information-systems",
            "grant-management",
            "graphic-design",
            "help-desk",
            "hr",
            "ide",
            "identity-management",
            "instant-messaging",
            "inventory-management",
            "it-asset-management",
            "it-development",
            "it-management",
            "it-security",
            "it-service-management",
            "knowledge-management",
            "learning-management-system",
            "marketing",
            "mind-mapping",
            "mobile-marketing",
            "mobile-payment",
            "network-management",
            "office",
            "online-booking",
            "online-community",
            "payment-gateway",
            "payroll",
            "predictive-analysis",
            "procurement",
            "productivity-suite",
            "project-collaboration",
            "project-management",
            "property-management",
            "real-estate-management",
            "remote-support",
            "resource-management",
            "sales-management",
            "seo",
            "service-desk",
            "social-media-management",
            "survey",
            "talent-management",
            "task-management",
            "taxes-management",
            "test-management",
            "time-management",
            "time-tracking",
            "translation",
            "video-conferencing",
            "video-editing",
            "visitor-management",
            "voip",
            "warehouse-management",
            "web-collaboration",
            "web-conferencing",
            "website-builder",
            "whistleblowing",
            "workflow-management");

    private static final Set<String> SCOPES = Set.of(
            "agriculture",
            "culture",
            "defence",
            "education",
            "emergency-services",
            "employment",
            "energy",
            "environment",
            "finance-and-economic-development",
            "foreign-affairs",
            "healthcare",
            "infrastructures",
            "justice",
            "local-authorities",
            "manufacturing",
            "research",
            "science-and-technology",
            "security",
            "society",
            "sport",
            "tourism",
            "transportation",
            "welfare");

    @Test
    @SuppressWarnings("unchecked")
    void followsTheStandard() throws IOException {
        Map<String, Object> code = load(ROOT.resolve("publiccode.yml"));

        assertThat(code)
                .containsKeys(
                        "publiccodeYmlVersion",
                        "name",
                        "url",
                        "platforms",
                        "developmentStatus",
                        "softwareType",
                        "description",
                        "legal",
                        "maintenance",
                        "localisation");
        assertThat(code.get("publiccodeYmlVersion")).isEqualTo("0.4");
        assertThat((String) code.get("url")).startsWith("https://");
        assertThat(SOFTWARE_TYPES).contains((String) code.get("softwareType"));
        assertThat(DEVELOPMENT_STATUSES).contains((String) code.get("developmentStatus"));
        assertThat(CATEGORIES).containsAll((List<String>) code.get("categories"));
        Map<String, Object> audience = (Map<String, Object>) code.get("intendedAudience");
        assertThat(SCOPES).containsAll((List<String>) audience.get("scope"));
        assertThat((List<String>) audience.get("countries")).allMatch(c -> c.matches("[a-z]{2}"));
        LocalDate.parse((String) code.get("releaseDate"));

        Map<String, Map<String, Object>> description = (Map<String, Map<String, Object>>) code.get("description");
        assertThat(description).containsKeys("nl", "en");
        description.forEach((language, text) -> {
            assertThat((String) text.get("shortDescription"))
                    .as(language + " shortDescription: at most 150 characters")
                    .isNotBlank()
                    .hasSizeLessThanOrEqualTo(150);
            assertThat((String) text.get("longDescription"))
                    .as(language + " longDescription: 150 to 10,000 characters")
                    .hasSizeBetween(150, 10_000);
            assertThat((List<String>) text.get("features")).isNotEmpty();
        });

        Map<String, Object> maintenance = (Map<String, Object>) code.get("maintenance");
        assertThat(MAINTENANCE_TYPES).contains((String) maintenance.get("type"));
        // internal and community maintenance name contacts.
        assertThat((List<Map<String, Object>>) maintenance.get("contacts"))
                .isNotEmpty()
                .allMatch(c -> c.get("name") instanceof String s && !s.isBlank());

        Map<String, Object> localisation = (Map<String, Object>) code.get("localisation");
        assertThat(localisation.get("localisationReady")).isEqualTo(true);
        assertThat((List<String>) localisation.get("availableLanguages")).containsExactlyInAnyOrder("nl", "en");
    }

    @Test
    @SuppressWarnings("unchecked")
    void licenceAndVersionAreTheCodes() throws IOException {
        Map<String, Object> code = load(ROOT.resolve("publiccode.yml"));
        String rootPom = Files.readString(ROOT.resolve("pom.xml"));

        assertThat(((Map<String, Object>) code.get("legal")).get("license")).isEqualTo("EUPL-1.2");
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).startsWith("EUROPEAN UNION PUBLIC LICENCE v. 1.2");
        assertThat(rootPom).contains("<name>EUPL-1.2</name>");
        assertThat(code.get("softwareVersion")).isEqualTo(projectVersion(rootPom));
        // Every module inherits the root's licence: none declares another.
        try (Stream<Path> poms = Files.list(ROOT)) {
            List<Path> modulePoms = poms.map(d -> d.resolve("pom.xml"))
                    .filter(Files::isRegularFile)
                    .toList();
            assertThat(modulePoms).hasSizeGreaterThan(5);
            for (Path pom : modulePoms) {
                assertThat(Files.readString(pom)).as(pom.toString()).doesNotContain("<licenses>");
            }
        }
        assertThat(Files.readString(ROOT.resolve("deploy/helm/deelpoort/Chart.yaml")))
                .contains("license: EUPL-1.2");
    }

    private static String projectVersion(String rootPom) {
        Matcher m = Pattern.compile("<artifactId>deelpoort-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(rootPom);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) throws IOException {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    }
}
