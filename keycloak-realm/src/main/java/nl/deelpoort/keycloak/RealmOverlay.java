package nl.deelpoort.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the dev realm: the production realm ({@value #PRODUCTION}) with the dev overlay
 * ({@value #OVERLAY}: demo users, partner systems and organisations, the password-grant client, dev
 * secrets, the plain browser flow) merged onto it, written to {@value #DEV} — the file the tests, the
 * local stack and docker-compose import.
 *
 * <p>Merge rules: objects merge field by field; an array whose elements are objects with an identity
 * ({@code clientId}, {@code username}, {@code alias} or {@code name}) merges element by element (an
 * overlay element with the identity of a production element is merged onto it, others are appended);
 * any other value of the overlay replaces the production one. Nothing is removed.
 *
 * <p>Regenerate after changing either source: {@value #REGENERATE}. {@code RealmFilesTest} fails
 * when the committed dev realm is not the merge.
 */
public final class RealmOverlay {

    public static final String PRODUCTION = "realm/deelpoort-realm-production.json";
    public static final String OVERLAY = "realm/deelpoort-realm-dev-overlay.json";
    public static final String DEV = "realm/deelpoort-realm.json";
    public static final String REGENERATE = "./mvnw -B -ntp -o -pl keycloak-realm compile exec:java@dev-realm";

    private static final List<String> IDENTITIES = List.of("clientId", "username", "alias", "name");
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The merged dev realm from the two files on the class path. */
    public static ObjectNode devRealm() {
        return merge(read(PRODUCTION), read(OVERLAY));
    }

    /** A realm file of this module's class path, parsed. */
    public static ObjectNode read(String resource) {
        try (InputStream in = RealmOverlay.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Realm resource missing: " + resource);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code overlay} merged onto a copy of {@code base}; neither argument is changed. */
    public static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
        ObjectNode out = base.deepCopy();
        mergeInto(out, overlay);
        return out;
    }

    private static void mergeInto(ObjectNode target, ObjectNode overlay) {
        for (Map.Entry<String, JsonNode> field : overlay.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(name);
            if (existing instanceof ObjectNode object && value instanceof ObjectNode patch) {
                mergeInto(object, patch);
            } else if (existing instanceof ArrayNode array && value instanceof ArrayNode patch && keyed(patch)) {
                mergeArray(array, patch);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeArray(ArrayNode target, ArrayNode overlay) {
        for (JsonNode element : overlay) {
            ObjectNode match = null;
            for (JsonNode candidate : target) {
                if (candidate.isObject() && identityValue(candidate).equals(identityValue(element))) {
                    match = (ObjectNode) candidate;
                    break;
                }
            }
            if (match != null) {
                mergeInto(match, (ObjectNode) element);
            } else {
                target.add(element.deepCopy());
            }
        }
    }

    private static boolean keyed(ArrayNode array) {
        if (array.isEmpty()) {
            return false;
        }
        for (JsonNode element : array) {
            if (!element.isObject() || identity(element) == null) {
                return false;
            }
        }
        return true;
    }

    /** The name of the element's identity field, or null. */
    private static String identity(JsonNode element) {
        for (String field : IDENTITIES) {
            if (element.path(field).isString()) {
                return field;
            }
        }
        return null;
    }

    private static String identityValue(JsonNode element) {
        String field = identity(element);
        return field == null ? "" : field + "=" + element.path(field).asString();
    }

    /** The dev realm as the file {@value #DEV} holds it. */
    public static String devRealmText() {
        return JSON.writeValueAsString(devRealm()) + "\n";
    }

    /** Writes {@value #DEV} below {@code args[0]} (the module folder; default: the working folder). */
    public static void main(String[] args) throws IOException {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        Path file = module.resolve("src/main/resources").resolve(DEV);
        Files.writeString(file, devRealmText(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + file);
    }

    private RealmOverlay() {}
}
