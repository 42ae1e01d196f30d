package nl.deelpoort.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads and validates a framework file, and reads the module's wording ({@link Wording}). This is
 * the only class of the module that touches files; everything after it works on values.
 */
public final class FrameworkLoader {
    /** Classpath location of the framework of docs/domain.md (organisations to legal grounds) shipped with this module. */
    public static final String DEFAULT_RESOURCE = "nl/deelpoort/policy/framework.yaml";

    private FrameworkLoader() {}

    /** Loads a framework file; throws {@link FrameworkException} naming the file, YAML path and problem. */
    public static Framework load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FrameworkException(file.toString(), "cannot read file: " + e.getMessage(), e);
        }
        return parse(file.toString(), bytes);
    }

    /** Loads the framework shipped as {@value #DEFAULT_RESOURCE}. */
    public static Framework loadDefault() {
        ClassLoader loader = FrameworkLoader.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new FrameworkException("classpath:" + DEFAULT_RESOURCE, List.of("resource not found"));
            }
            return parse("classpath:" + DEFAULT_RESOURCE, in.readAllBytes());
        } catch (IOException e) {
            throw new FrameworkException("classpath:" + DEFAULT_RESOURCE, "cannot read resource", e);
        }
    }

    /**
     * Parses framework YAML that was read elsewhere.
     *
     * @param sourceName how to name the source in error messages, e.g. a file name
     */
    public static Framework parse(String sourceName, byte[] yaml) {
        return new FrameworkParser(sourceName, policyVersion(yaml)).parse(yaml);
    }

    /**
     * A properties file on the classpath, read as UTF-8 (a byte that is not UTF-8 is an error, never
     * a replacement character), as a map from key to text.
     */
    static Map<String, String> readTexts(String resource) {
        try (InputStream in = FrameworkLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource not found: " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
            Map<String, String> texts = new HashMap<>();
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
            return Map.copyOf(texts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** {@code "sha256:" + hex(SHA-256(bytes))}. */
    static String policyVersion(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
