package nl.deelpoort.gateway.console.professional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.deelpoort.policy.Category;
import tools.jackson.databind.JsonNode;

/**
 * A transfer's released sections, readable: each section under its category's label, and its
 * content (free-form JSON, as the sender sent it) turned into text, lists of fields, lists and
 * tables, never shown as JSON. A list of flat objects becomes a table; anything else nests.
 *
 * <p>Public, as are the members its templates use: template expressions read public types only.
 */
public final class InboxSections {

    /** One released section. */
    public record Section(String category, String label, Node content) {}

    /** A piece of content; {@link #kind} tells the template how to show it. */
    public sealed interface Node permits Text, Fields, Items, Table {
        String kind();
    }

    /**
     * A single value, or a word of the bundle standing for one ({@code word}, a message key: yes, no,
     * and "empty" where the sender left a value empty, so that a cell never shows nothing).
     */
    public record Text(String value, String word) implements Node {
        static final Text EMPTY = new Text("", "inbox.value.empty");

        public String kind() {
            return "text";
        }
    }

    /** An object: its members as name and content, in the sender's order. */
    public record Fields(List<Field> fields) implements Node {
        public String kind() {
            return "fields";
        }
    }

    public record Field(String name, Node value) {}

    /** A list whose items are not all flat objects. */
    public record Items(List<Node> items) implements Node {
        public String kind() {
            return "items";
        }
    }

    /** A list of flat objects: one column per member name (in order of first use), one row per object. */
    public record Table(List<String> columns, List<List<Text>> rows) implements Node {
        public String kind() {
            return "table";
        }
    }

    /** The sections of {@code data} (an object keyed by category name) in the categories' order. */
    static List<Section> of(JsonNode data, PolicyWords words) {
        List<Section> sections = new ArrayList<>();
        if (data == null || !data.isObject()) {
            return sections;
        }
        for (Category c : Category.values()) {
            JsonNode value = data.get(c.name());
            if (value != null) {
                sections.add(new Section(c.name(), words.title(c), node(value)));
            }
        }
        return sections;
    }

    static Node node(JsonNode value) {
        if (value.isObject()) {
            List<Field> fields = new ArrayList<>();
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                fields.add(new Field(member.getKey(), node(member.getValue())));
            }
            return fields.isEmpty() ? text(value) : new Fields(fields);
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                return text(value);
            }
            return table(value).<Node>map(t -> t).orElseGet(() -> {
                List<Node> items = new ArrayList<>();
                value.forEach(item -> items.add(node(item)));
                return new Items(items);
            });
        }
        return text(value);
    }

    /** A table when every item is a non-empty object of plain values; otherwise none. */
    private static Optional<Table> table(JsonNode array) {
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode item : array) {
            if (!item.isObject() || item.isEmpty()) {
                return Optional.empty();
            }
            for (Map.Entry<String, JsonNode> member : item.properties()) {
                if (member.getValue().isContainer()) {
                    return Optional.empty();
                }
                columns.add(member.getKey());
            }
        }
        List<List<Text>> rows = new ArrayList<>();
        for (JsonNode item : array) {
            List<Text> row = new ArrayList<>();
            for (String column : columns) {
                JsonNode cell = item.get(column);
                row.add(cell == null ? Text.EMPTY : text(cell));
            }
            rows.add(row);
        }
        return Optional.of(new Table(List.copyOf(columns), rows));
    }

    private static Text text(JsonNode value) {
        if (value.isNull()
                || value.isContainer()
                || (value.isString() && value.stringValue().isBlank())) {
            return Text.EMPTY;
        }
        if (value.isBoolean()) {
            return new Text("", value.booleanValue() ? "inbox.value.yes" : "inbox.value.no");
        }
        return new Text(value.isString() ? value.stringValue() : value.toString(), null);
    }

    private InboxSections() {}
}
