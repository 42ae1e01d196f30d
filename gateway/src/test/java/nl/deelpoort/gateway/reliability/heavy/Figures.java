package nl.deelpoort.gateway.reliability.heavy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A suite's figures, in order, written as {@code target/reliability/<suite>.tsv} for docs/reliability/. */
final class Figures {

    private final Map<String, Object> values = new LinkedHashMap<>();

    Figures put(String figure, Object value) {
        values.put(figure, value);
        return this;
    }

    void write(String suite) {
        StringBuilder out = new StringBuilder("figure\tvalue\n");
        values.forEach((k, v) -> out.append(k).append('\t').append(v).append('\n'));
        Path path = Path.of("target", "reliability", suite + ".tsv");
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.print("[" + suite + "]\n" + out);
    }
}
