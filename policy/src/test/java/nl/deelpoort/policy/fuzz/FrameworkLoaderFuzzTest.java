package nl.deelpoort.policy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.FrameworkException;
import nl.deelpoort.policy.FrameworkLoader;

/**
 * Coverage-guided fuzzing (Jazzer) of the framework loader: whatever bytes a framework file holds
 * (YAML, or JSON, which is YAML too), {@link FrameworkLoader#parse} either returns a framework or
 * throws its own documented {@link FrameworkException} naming the problems. Anything else (a
 * {@code NullPointerException}, {@code ClassCastException}, {@code DateTimeException},
 * {@code StackOverflowError}, …) is a finding: the gateway would fail to start with a stack trace
 * instead of a list of what is wrong in the file.
 *
 * <p>In the normal build each test replays the inputs kept under {@code
 * src/test/resources/nl/deelpoort/policy/fuzz/FrameworkLoaderFuzzTestInputs/<test>/} (regression
 * mode): a small valid framework in YAML and in JSON as seeds, and every finding as a regression
 * input. To fuzz: {@code JAZZER_FUZZ=1 ./mvnw -pl policy test -Dtest=FrameworkLoaderFuzzTest}
 * (docs/reliability.md, "Bad input").
 */
class FrameworkLoaderFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void frameworkFiles(byte @NotNull [] bytes) {
        Framework framework;
        try {
            framework = FrameworkLoader.parse("fuzz", bytes);
        } catch (FrameworkException expected) {
            assertThat(expected.problems()).as("a refusal names its problems").isNotEmpty();
            return;
        }
        assertThat(framework.policyVersion()).startsWith("sha256:");
    }
}
