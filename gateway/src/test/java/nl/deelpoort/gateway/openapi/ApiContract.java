package nl.deelpoort.gateway.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What docs/api.md, the contract in words, names of each endpoint, read from its own notation: an
 * endpoint is {@code `METHOD /api/v1/path?query`}; after it, up to the next endpoint or the end of
 * the paragraph or list item, a brace object ({@code { subject: {bsn}, from?, to? }} or JSON) before
 * any status is its request body, one after a status ({@code → `201 { id }`}) is that answer's body,
 * and every status in backticks is an answer it has.
 */
final class ApiContract {

    private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST)\\s+(/api/v1/[^`\\s]*)`");
    private static final Pattern STATUS = Pattern.compile("`([1-5]\\d\\d)\\b");

    /** One endpoint as the contract describes it; a field is a path such as {@code subject.bsn}. */
    record Endpoint(
            String method,
            String path,
            Set<String> queryParameters,
            Set<Integer> statuses,
            Set<String> requestFields,
            Map<Integer, Set<String>> answerFields) {

        String key() {
            return method + " " + path;
        }
    }

    final String text;
    final Map<String, Endpoint> endpoints = new TreeMap<>();

    private ApiContract(String text) {
        this.text = text;
        for (String block : blocks(text)) {
            Matcher m = ENDPOINT.matcher(block);
            List<int[]> mentions = new ArrayList<>();
            List<String[]> named = new ArrayList<>();
            while (m.find()) {
                mentions.add(new int[] {m.start(), m.end()});
                named.add(new String[] {m.group(1), m.group(2)});
            }
            for (int i = 0; i < mentions.size(); i++) {
                int end = i + 1 < mentions.size() ? mentions.get(i + 1)[0] : block.length();
                add(named.get(i)[0], named.get(i)[1], block.substring(mentions.get(i)[1], end));
            }
        }
    }

    static ApiContract read() {
        try {
            return new ApiContract(Files.readString(projectFile("docs/api.md"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path projectFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative)) && Files.exists(dir.resolve("gateway"))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " of the project not found");
    }

    /** The sentence of "Common rules" that names the members of a problem detail. */
    Set<String> problemMembers() {
        int start = text.indexOf("Errors are RFC 9457");
        int end = text.indexOf(". ", text.indexOf("invalidFields", start));
        Set<String> names = new LinkedHashSet<>();
        Matcher spans = Pattern.compile("`([^`]+)`").matcher(text.substring(start, end));
        while (spans.find()) {
            if (!spans.group(1).contains("/")) {
                Matcher words = Pattern.compile("[A-Za-z_]+").matcher(spans.group(1));
                while (words.find()) {
                    names.add(words.group());
                }
            }
        }
        return names;
    }

    /** The fields of the subject object of "Common rules". */
    Set<String> subjectFields() {
        int start = text.indexOf("A **subject** object:");
        return fields(LooseObject.parse(text, text.indexOf('{', start)).orElseThrow());
    }

    private void add(String method, String target, String segment) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Set<String> query = new LinkedHashSet<>();
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                query.add(pair.split("=", 2)[0]);
            }
        }
        Set<Integer> statuses = new LinkedHashSet<>();
        Set<String> request = new LinkedHashSet<>();
        Map<Integer, Set<String>> answers = new LinkedHashMap<>();
        Integer lastStatus = null;
        Matcher status = STATUS.matcher(segment);
        int at = 0;
        while (at < segment.length()) {
            int brace = segment.indexOf('{', at);
            int nextStatus = status.find(at) ? status.start() : -1;
            if (nextStatus >= 0 && (brace < 0 || nextStatus < brace)) {
                lastStatus = Integer.parseInt(status.group(1));
                statuses.add(lastStatus);
                at = status.end();
                continue;
            }
            if (brace < 0) {
                break;
            }
            Optional<LooseObject.Parsed> object = LooseObject.parse(segment, brace);
            if (object.isEmpty()) {
                at = brace + 1;
                continue;
            }
            if (lastStatus == null && method.equals("POST")) {
                request.addAll(fields(object.get()));
            } else {
                answers.computeIfAbsent(lastStatus == null ? 200 : lastStatus, s -> new LinkedHashSet<>())
                        .addAll(fields(object.get()));
            }
            at = object.get().end();
        }
        Endpoint existing = endpoints.get(method + " " + path);
        if (existing != null) {
            query.addAll(existing.queryParameters());
            statuses.addAll(existing.statuses());
            request.addAll(existing.requestFields());
            existing.answerFields()
                    .forEach((s, f) -> answers.merge(s, f, (a, b) -> {
                        a.addAll(b);
                        return a;
                    }));
        }
        endpoints.put(method + " " + path, new Endpoint(method, path, query, statuses, request, answers));
    }

    private static Set<String> fields(LooseObject.Parsed object) {
        Set<String> paths = new LinkedHashSet<>();
        object.fields().forEach((name, nested) -> {
            paths.add(name);
            fields(nested).forEach(inner -> paths.add(name + "." + inner));
        });
        return paths;
    }

    private static Set<String> fields(List<LooseObject.Parsed> nested) {
        Set<String> paths = new LinkedHashSet<>();
        nested.forEach(o -> paths.addAll(fields(o)));
        return paths;
    }

    /** Paragraphs and list items: an endpoint's description ends where one of them does. */
    private static List<String> blocks(String text) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank() || line.startsWith("- ") || line.startsWith("#")) {
                blocks.add(current.toString());
                current.setLength(0);
            }
            current.append(line).append('\n');
        }
        blocks.add(current.toString());
        return blocks;
    }

    /**
     * The contract's object notation, a superset of JSON: members are names or strings, optionally
     * marked {@code ?}, optionally with a value; values are objects, lists, strings (alternatives
     * joined by {@code |}), words and {@code …}. Only the member names are kept.
     */
    static final class LooseObject {

        /** @param fields each member and the objects nested in its value */
        record Parsed(Map<String, List<Parsed>> fields, int end) {}

        private final String s;
        private int i;

        private LooseObject(String s, int i) {
            this.s = s;
            this.i = i;
        }

        static Optional<Parsed> parse(String s, int brace) {
            try {
                LooseObject p = new LooseObject(s, brace);
                Map<String, List<Parsed>> fields = p.object();
                return Optional.of(new Parsed(fields, p.i));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private Map<String, List<Parsed>> object() {
            expect('{');
            Map<String, List<Parsed>> fields = new LinkedHashMap<>();
            skip();
            if (peek() == '}') {
                i++;
                return fields;
            }
            while (true) {
                skip();
                if (peek() == '…' || s.startsWith("...", i)) {
                    i += peek() == '…' ? 1 : 3;
                } else {
                    String name = peek() == '"' ? string() : word();
                    if (!name.matches("[A-Za-z_<][A-Za-z0-9_>-]*")) {
                        throw new IllegalArgumentException("not a member name: " + name);
                    }
                    skip();
                    if (peek() == '?') {
                        i++;
                        skip();
                    }
                    List<Parsed> nested = new ArrayList<>();
                    if (peek() == ':') {
                        i++;
                        value(nested);
                    }
                    if (!name.startsWith("<")) {
                        fields.put(name, nested);
                    }
                }
                skip();
                char c = next();
                if (c == '}') {
                    return fields;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected , or }");
                }
            }
        }

        private void value(List<Parsed> nested) {
            skip();
            char c = peek();
            if (c == '{') {
                Map<String, List<Parsed>> fields = object();
                nested.add(new Parsed(fields, i));
            } else if (c == '[') {
                i++;
                skip();
                while (peek() != ']') {
                    value(nested);
                    skip();
                    if (peek() == ',') {
                        i++;
                        skip();
                    }
                }
                i++;
            } else if (c == '"') {
                string();
                skip();
                while (peek() == '|') {
                    i++;
                    skip();
                    string();
                    skip();
                }
            } else if (c == '…') {
                i++;
            } else {
                word();
            }
        }

        private String string() {
            expect('"');
            int start = i;
            while (peek() != '"') {
                i++;
            }
            return s.substring(start, i++);
        }

        private String word() {
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && ",:?}]{[".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("expected a word");
            }
            return s.substring(start, i);
        }

        private void skip() {
            while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '`')) {
                i++;
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return s.charAt(i);
        }

        private char next() {
            char c = peek();
            i++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected " + c);
            }
        }
    }
}
