package nl.deelpoort.gateway.exchange;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.deelpoort.policy.Category;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Minimisation by allow-list: the answer is a new object holding, for each released category, a
 * copy of that section and nothing else. Nothing is deleted from the input, so whatever a file
 * system or a sender adds (unknown keys, a {@code HEALTH} next to {@code sections}, a second {@code
 * sections} somewhere) simply never gets copied.
 *
 * <p>Inside a released section, a member named exactly like a section that was not released (e.g.
 * {@code "SAFETY"} inside {@code CASE_NOTES}, or a nested {@code sections.SAFETY}) is left out too:
 * a section hidden inside another would otherwise ride along with it.
 */
final class Sections {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The released sections of {@code sections} (an object keyed by category name). */
    static ObjectNode released(JsonNode sections, Set<Category> released) {
        EnumSet<Category> allowed = released.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(released);
        Set<String> withheld =
                EnumSet.complementOf(allowed).stream().map(Enum::name).collect(Collectors.toSet());
        ObjectNode out = NODES.objectNode();
        if (sections == null || !sections.isObject()) {
            return out;
        }
        for (Category c : allowed) {
            JsonNode value = sections.get(c.name());
            if (value != null && !value.isNull() && !value.isMissingNode()) {
                out.set(c.name(), copy(value, withheld));
            }
        }
        return out;
    }

    private static JsonNode copy(JsonNode node, Set<String> withheld) {
        if (node.isObject()) {
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!withheld.contains(e.getKey())) {
                    o.set(e.getKey(), copy(e.getValue(), withheld));
                }
            }
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = NODES.arrayNode();
            for (JsonNode element : node) {
                a.add(copy(element, withheld));
            }
            return a;
        }
        return node.deepCopy();
    }

    private Sections() {}
}
