package nl.deelpoort.gateway.exchange;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.gateway.web.InvalidField;
import tools.jackson.databind.JsonNode;

/**
 * Bounds on a pushed section beyond the 1 MiB body limit: nesting depth (objects and arrays, the
 * section's own included) and string length. What is stored is handed to recipients' systems later,
 * so it is held to what a case file plausibly holds.
 *
 * <p>Where a rule breaks is named by position only: {@code [2]} for the third element of an array,
 * {@code {2}} for the third member of an object. Member names are dossier content (a key can be a
 * BSN), so they are never repeated, and neither is any value.
 */
final class PayloadLimits {

    /** The first rule {@code section} breaks, named with the positional path where it breaks. */
    static Optional<InvalidField> check(JsonNode section, String field, int maxDepth, int maxStringLength) {
        record At(JsonNode node, String path, int depth) {}
        Deque<At> todo = new ArrayDeque<>();
        todo.push(new At(section, field, 1));
        while (!todo.isEmpty()) {
            At at = todo.pop();
            JsonNode n = at.node();
            if (n.isContainer() && at.depth() > maxDepth) {
                return Optional.of(new InvalidField(at.path(), "nests deeper than " + maxDepth + " levels"));
            }
            if (n.isString() && n.stringValue().length() > maxStringLength) {
                return Optional.of(
                        new InvalidField(at.path(), "holds a string longer than " + maxStringLength + " characters"));
            }
            if (n.isObject()) {
                int position = 0;
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    String path = at.path() + "{" + position++ + "}";
                    if (e.getKey().length() > maxStringLength) {
                        return Optional.of(new InvalidField(
                                path, "has a member name longer than " + maxStringLength + " characters"));
                    }
                    todo.push(new At(e.getValue(), path, at.depth() + 1));
                }
            } else if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) {
                    todo.push(new At(n.get(i), at.path() + "[" + i + "]", at.depth() + 1));
                }
            }
        }
        return Optional.empty();
    }

    private PayloadLimits() {}
}
