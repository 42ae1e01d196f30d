package nl.deelpoort.gateway.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Attempts and failures per attack of one suite, written as a TSV under {@code target/reliability/}
 * for docs/reliability.md. A failure is whatever the suite says it is (a bypass, a 5xx).
 */
final class Tally {

    private final Map<String, int[]> counts = new TreeMap<>();

    /** Counts one attempt of {@code attack}, failed or not. */
    void count(String attack, boolean failed) {
        int[] n = counts.computeIfAbsent(attack, a -> new int[2]);
        n[0]++;
        if (failed) {
            n[1]++;
        }
    }

    void write(String file, String failureColumn) throws IOException {
        StringBuilder out = new StringBuilder("attack\tattempts\t" + failureColumn + "\n");
        counts.forEach((attack, n) -> out.append(attack)
                .append('\t')
                .append(n[0])
                .append('\t')
                .append(n[1])
                .append('\n'));
        Path path = Path.of("target", "reliability", file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, out);
    }
}
