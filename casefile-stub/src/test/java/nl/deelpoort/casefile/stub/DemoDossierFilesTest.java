package nl.deelpoort.casefile.stub;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the hand-written demo files consistent with their mappings, because a typo there fails only at demo time. */
class DemoDossierFilesTest {

    private static final Pattern BSN_MATCHER = Pattern.compile("^\\$\\[\\?\\(@\\.bsn == '(\\d{9})'\\)]$");
    private static final Pattern HOLDER_PATH = Pattern.compile("^/api/([a-z-]+)/dossiers/query$");

    @Test
    void everyDemoMappingPointsAtADossierOfThatHolderAndBsn() throws Exception {
        List<Path> demoMappings = mappingFiles().stream()
                .filter(path -> path.getFileName().toString().startsWith("demo-"))
                .toList();
        assertThat(demoMappings).hasSizeGreaterThanOrEqualTo(7);

        for (Path mappingFile : demoMappings) {
            Map<String, Object> mapping = read(Files.readString(mappingFile, StandardCharsets.UTF_8));
            Map<String, Object> request = map(mapping.get("request"));
            Map<String, Object> response = map(mapping.get("response"));

            Matcher holder = HOLDER_PATH.matcher((String) request.get("urlPath"));
            assertThat(holder.matches()).as(mappingFile.toString()).isTrue();
            Matcher bsn = BSN_MATCHER.matcher(
                    (String) map(list(request.get("bodyPatterns")).get(0)).get("matchesJsonPath"));
            assertThat(bsn.matches()).as(mappingFile.toString()).isTrue();
            assertThat(Elfproef.isValid(bsn.group(1)))
                    .as(mappingFile.toString())
                    .isTrue();
            assertThat(mapping.get("priority")).isEqualTo(1);
            assertThat(list(response.get("transformers"))).containsExactly("response-template");

            Map<String, Object> dossier = read(classpathText("__files/" + response.get("bodyFileName")));
            assertThat(dossier)
                    .as(mappingFile.toString())
                    .containsEntry("holder", holder.group(1))
                    .containsEntry("bsn", bsn.group(1))
                    .containsEntry("retrievedAt", "{{now}}");
            Map<String, Object> sections = map(dossier.get("sections"));
            assertThat(sections.keySet()).isSubsetOf(Categories.ALL);
            assertThat(sections).containsEntry("BSN", bsn.group(1));
            for (Object member : list(map(sections.get("HOUSEHOLD")).get("members"))) {
                assertThat(Elfproef.isValid((String) map(member).get("bsn")))
                        .as(mappingFile + " member " + map(member).get("name"))
                        .isTrue();
            }
        }
    }

    @Test
    void theDemoResidentJanExists() throws Exception {
        assertThat(mappingFiles())
                .extracting(path -> path.getFileName().toString())
                .contains("demo-plusteam-999993653.json");
    }

    private static List<Path> mappingFiles() throws IOException, URISyntaxException {
        URL mappings =
                DemoDossierFilesTest.class.getClassLoader().getResource(CaseFileStub.CLASSPATH_ROOT + "/mappings");
        assertThat(mappings).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(mappings.toURI()))) {
            return files.sorted().toList();
        }
    }

    private static String classpathText(String path) throws IOException {
        try (InputStream in = DemoDossierFilesTest.class
                .getClassLoader()
                .getResourceAsStream(CaseFileStub.CLASSPATH_ROOT + "/" + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String json) {
        return Json.read(json, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
