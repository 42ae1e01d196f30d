package nl.deelpoort.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.deelpoort.devkit.DevServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's shell examples as pasted, with bash, against a local stack: every {@code ```sh}
 * block of README.md is an example that must run, and the HTML comment right above it says what its
 * output must show ({@code <!-- example expects: "a" | "b" -->}: each text, in this order). Blocks
 * fenced {@code ```bash} are commands shown but not run here (starting the stack, the build). The only
 * change made to an example is the ports: the stack runs on free ports, so that it does not collide
 * with a developer's own ./deelpoort-local.
 */
class ReadmeExamplesIT {

    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!--\\s*example expects:(?<expects>[^>]*)-->\\s*\\n)?```sh\\n(?<code>.*?)```", Pattern.DOTALL);

    private static final Pattern EXPECTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static Path root;
    private static LocalStack stack;

    @TempDir
    static Path work;

    record Example(int number, int line, String code, List<String> expects) {}

    @BeforeAll
    static void startStack() throws IOException {
        root = repositoryRoot();
        // The verification example runs the verifier as the README says, from ledger/target.
        Files.createSymbolicLink(work.resolve("ledger"), root.resolve("ledger"));
        stack = LocalStack.start(DevServices.Ports.free(), 0, null);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyShellExampleSaysWhatItExpects() throws IOException {
        List<Example> examples = examples(Files.readString(root.resolve("README.md")));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
        for (Example example : examples) {
            assertThat(example.expects())
                    .as(
                            "README.md line %d: a ```sh block needs <!-- example expects: \"…\" --> above it",
                            example.line())
                    .isNotEmpty();
        }
    }

    @TestFactory
    List<DynamicTest> readmeExamplesRunAsPasted() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Example example : examples(Files.readString(root.resolve("README.md")))) {
            tests.add(DynamicTest.dynamicTest(
                    "README example " + example.number() + " (line " + example.line() + ")", () -> run(example)));
        }
        return tests;
    }

    private static void run(Example example) throws Exception {
        String gateway = stack.gatewayUrl();
        URI keycloak = URI.create(stack.services().keycloak().baseUrl());
        String code = example.code()
                .replace("http://localhost:8080", gateway)
                .replace("http://localhost:8180", "http://localhost:" + keycloak.getPort());
        Process bash = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", code)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS))
                .as("example finished in 60 s")
                .isTrue();
        String context = "README.md line " + example.line() + ":\n" + example.code() + "\noutput:\n" + output;
        assertThat(bash.exitValue()).as(context).isZero();
        int from = 0;
        for (String expected : example.expects()) {
            int at = output.indexOf(expected, from);
            assertThat(at).as("%s\nexpected, in order: %s", context, expected).isNotNegative();
            from = at + expected.length();
        }
    }

    static List<Example> examples(String readme) {
        List<Example> examples = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            List<String> expects = new ArrayList<>();
            if (m.group("expects") != null) {
                Matcher e = EXPECTED.matcher(m.group("expects"));
                while (e.find()) {
                    expects.add(e.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            int line = (int) readme.substring(0, m.start("code"))
                    .chars()
                    .filter(c -> c == '\n')
                    .count();
            examples.add(new Example(examples.size() + 1, line, m.group("code"), expects));
        }
        return examples;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("deelpoort-local"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no README.md with deelpoort-local above " + Path.of("").toAbsolutePath());
    }
}
