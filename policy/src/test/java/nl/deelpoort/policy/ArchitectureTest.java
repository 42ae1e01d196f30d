package nl.deelpoort.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** docs/design.md, Shape: the policy module knows nothing of Spring, JPA or HTTP, and only the loader touches files. */
class ArchitectureTest {
    private static final JavaClasses POLICY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.deelpoort.policy");

    @Test
    void noSpringJpaOrServlet() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "jakarta.servlet..", "javax.servlet..")
                .check(POLICY);
    }

    @Test
    void onlyTheLoaderDoesIo() {
        noClasses()
                .that()
                .doNotHaveSimpleName("FrameworkLoader")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.nio.file..", "java.net..", "java.net.http..")
                .check(POLICY);
    }
}
