package nl.deelpoort.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.deelpoort.gateway.settings.SettingsReference.Setting;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * docs/settings.md is what the configuration metadata says. With {@code -Ddeelpoort.settings.write=true}
 * it (re)writes the file instead of failing: {@value SettingsReference#REGENERATE}.
 */
class SettingsReferenceTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|.*$", Pattern.MULTILINE);

    @Test
    void documentMatchesTheConfigurationMetadata() throws IOException {
        Path file = SettingsReference.repositoryRoot().resolve(SettingsReference.DOCUMENT);
        String expected = SettingsReference.document();
        if (Boolean.getBoolean("deelpoort.settings.write")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            System.out.println("Wrote " + file);
        }
        assertThat(file)
                .as("%s missing; generate it with: %s", file, SettingsReference.REGENERATE)
                .isRegularFile();
        String actual = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, String> documented = rows(actual);
        Map<String, String> generated = rows(expected);
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(generated.keySet())) {
            if (!documented.containsKey(name)) {
                problems.add(name + ": in the metadata, not in " + SettingsReference.DOCUMENT);
            } else if (!documented.get(name).equals(generated.get(name))) {
                problems.add(name + ": documented as\n    " + documented.get(name) + "\n  metadata says\n    "
                        + generated.get(name));
            }
        }
        for (String name : new TreeSet<>(documented.keySet())) {
            if (!generated.containsKey(name)) {
                problems.add(name + ": in " + SettingsReference.DOCUMENT + ", no longer in the metadata");
            }
        }
        assertThat(problems)
                .as(
                        "%s disagrees with the configuration metadata; regenerate with: %s",
                        SettingsReference.DOCUMENT, SettingsReference.REGENERATE)
                .isEmpty();
        assertThat(actual)
                .as(
                        "%s text (outside the rows); regenerate with: %s",
                        SettingsReference.DOCUMENT, SettingsReference.REGENERATE)
                .isEqualTo(expected);
    }

    @Test
    void everyEnvironmentVariableBindsToItsProperty() {
        for (Setting setting : SettingsReference.settings()) {
            String env = setting.environment().replace("_<ID>", "_K1");
            String property = setting.environment().endsWith("_<ID>") ? setting.name() + ".k1" : setting.name();
            var source = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource("env", Map.of(env, "x")));
            assertThat(source.getConfigurationProperty(ConfigurationPropertyName.of(property)))
                    .as("environment variable %s sets %s", env, property)
                    .isNotNull();
        }
    }

    @Test
    void everyDeelpoortPropertyOfApplicationYmlIsInTheMetadata() {
        List<String> inMetadata =
                SettingsReference.settings().stream().map(Setting::name).toList();
        List<String> missing = SettingsReference.applicationYml().keySet().stream()
                .filter(name -> name.startsWith("deelpoort."))
                .filter(name -> inMetadata.stream().noneMatch(m -> name.equals(m) || name.startsWith(m + ".")))
                .toList();
        assertThat(missing)
                .as("deelpoort.* properties of application.yml without configuration metadata: give them a"
                        + " component in a *Settings record (with @param javadoc) or an entry in"
                        + " gateway/src/main/resources/META-INF/additional-spring-configuration-metadata.json")
                .isEmpty();
    }

    @Test
    void everyProductionSettingExists() {
        List<String> names =
                SettingsReference.settings().stream().map(Setting::name).toList();
        assertThat(names).containsAll(SettingsReference.PRODUCTION.keySet());
    }

    private static Map<String, String> rows(String markdown) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(markdown);
        while (m.find()) {
            rows.put(m.group(1), m.group(0));
        }
        return rows;
    }
}
