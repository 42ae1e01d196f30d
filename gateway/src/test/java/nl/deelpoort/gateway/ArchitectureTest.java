package nl.deelpoort.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The gateway's structure (docs/design.md, "Modules"), held to the code: which feature may use
 * which, no cycles, the web edge knowing no feature, and the one-way flow kept out of controllers.
 * A new dependency between features is a design decision: change {@link #ALLOWED} and the design
 * document together.
 */
class ArchitectureTest {

    private static final String ROOT = "nl.deelpoort.gateway";

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** Feature → the features it may use (besides itself). Read bottom-up: web knows nothing. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("web", Set.of()),
            // Start-up rules (dev profile, required production keys): used by the features that load keys.
            Map.entry("startup", Set.of()),
            Map.entry("security", Set.of("web")),
            Map.entry("framework", Set.of("web", "security")),
            // Resilience4j guards for every system the gateway calls; it knows no feature.
            Map.entry("resilience", Set.of()),
            // OAuth2 client credentials tokens for every system the gateway calls; it knows no feature.
            Map.entry("outbound", Set.of()),
            Map.entry("filesystem", Set.of("web", "resilience", "outbound")),
            // The population register (BRP) client: facts for recording consent.
            Map.entry("population", Set.of("resilience", "outbound")),
            Map.entry("logstore", Set.of("web", "security", "startup")),
            Map.entry("decision", Set.of("web", "security", "logstore")),
            // Grounds asks the population register for a consent subject's birth date and authority.
            Map.entry("grounds", Set.of("web", "security", "logstore", "decision", "population")),
            Map.entry("exchange", Set.of("web", "security", "logstore", "decision", "filesystem", "startup")),
            Map.entry("audit", Set.of("web", "security", "logstore")),
            Map.entry("onboarding", Set.of("web", "security")),
            Map.entry("system", Set.of("web", "security")),
            // The published contract describes every feature's wire records through springdoc, by
            // reflection; in code it knows only the handler arguments that are not the client's.
            Map.entry("openapi", Set.of("web", "security")),
            // The console is a second edge beside the API: it calls the features' application
            // services, as their controllers do; no feature depends on it.
            Map.entry(
                    "console",
                    Set.of(
                            "web",
                            "security",
                            "framework",
                            "logstore",
                            "decision",
                            "grounds",
                            "exchange",
                            "audit",
                            // the register's facts shown on the consent form
                            "population")));

    @Test
    void featuresFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(GATEWAY);
    }

    @Test
    void everyFeatureUsesOnlyWhatTheDesignAllows() {
        Set<String> unexpected = new TreeSet<>();
        for (JavaClass c : GATEWAY) {
            String from = feature(c);
            if (from == null) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = feature(d.getTargetClass());
                if (to != null
                        && !to.equals(from)
                        && !ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
                    unexpected.add(from + " -> " + to + " (" + c.getSimpleName() + " uses "
                            + d.getTargetClass().getSimpleName() + ")");
                }
            }
        }
        assertThat(unexpected).as("dependencies the design does not allow").isEmpty();
    }

    @Test
    void everyFeatureIsInTheTable() {
        Set<String> features = new TreeSet<>();
        GATEWAY.forEach(c -> {
            String f = feature(c);
            if (f != null) {
                features.add(f);
            }
        });
        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrderElementsOf(features);
    }

    /** A feature's sub-packages (audit.report, web.validation, …) are its own business, except web's. */
    @Test
    void noFeatureReachesIntoAnotherFeaturesSubPackage() {
        Set<String> unexpected = new TreeSet<>();
        for (JavaClass c : GATEWAY) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                String to = feature(target);
                if (to == null || to.equals(feature(c)) || to.equals("web")) {
                    continue;
                }
                if (!target.getPackageName().equals(ROOT + "." + to)) {
                    unexpected.add(c.getName() + " -> " + target.getName());
                }
            }
        }
        assertThat(unexpected).as("uses of another feature's sub-package").isEmpty();
    }

    /** Controllers map HTTP; the flow (decide → log → fetch/store → respond) lives in application services. */
    @Test
    void controllersDoNotWriteTheLogOrTheDatabase() {
        noClasses()
                .that()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ROOT + ".logstore.DisclosureLog")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
                .check(GATEWAY);
    }

    /** One persistence style: JdbcClient with named parameters (the sequencer's batch insert is raw JDBC). */
    @Test
    void oneWayToTheDatabase() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.hibernate.orm..")
                .check(GATEWAY);
    }

    /** The gateway reads JSON with Jackson; the ledger's own parser serves the dependency-free verifier. */
    @Test
    void jsonThroughJackson() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("nl.deelpoort.ledger.Json")
                .check(GATEWAY);
    }

    private static String feature(JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = p.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
