package nl.deelpoort.gateway.console.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.deelpoort.gateway.support.ConsoleBrowser;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Files the browser downloads, kept in a folder of their own (Chromium's DevTools protocol lets a
 * headless browser save downloads), and the addresses the browser visited, from its history.
 */
final class Downloads {

    private final ConsoleBrowser browser;
    private final Path folder;

    private Downloads(ConsoleBrowser browser, Path folder) {
        this.browser = browser;
        this.folder = folder;
    }

    static Downloads into(ConsoleBrowser browser, Path folder) {
        ((ChromeDriver) browser.driver())
                .executeCdpCommand(
                        "Browser.setDownloadBehavior",
                        Map.of(
                                "behavior",
                                "allow",
                                "downloadPath",
                                folder.toAbsolutePath().toString()));
        return new Downloads(browser, folder);
    }

    /** Waits for the finished download {@code name}, reads it and removes it (so the name can come again). */
    byte[] awaitNew(String name) {
        Path file = folder.resolve(name);
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            if (Files.exists(file) && partials().isEmpty()) {
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    Files.delete(file);
                    return bytes;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no download " + name + " in " + folder + " (" + list() + ")");
    }

    /** Every address in the browser's history of this tab, the login pages included. */
    @SuppressWarnings("unchecked")
    List<String> visited() {
        Map<String, Object> history =
                ((ChromeDriver) browser.driver()).executeCdpCommand("Page.getNavigationHistory", Map.of());
        List<String> urls = new ArrayList<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) history.get("entries")) {
            urls.add(String.valueOf(entry.get("url")));
        }
        assertThat(urls).isNotEmpty();
        return urls;
    }

    private List<Path> partials() {
        return list().stream().filter(p -> p.toString().endsWith(".crdownload")).toList();
    }

    private List<Path> list() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
