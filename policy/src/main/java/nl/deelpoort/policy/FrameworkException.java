package nl.deelpoort.policy;

import java.util.List;

/** The framework file could not be read or is not valid; the message names the file, the YAML path and the problem. */
public class FrameworkException extends RuntimeException {
    private final String source;
    private final List<String> problems;

    FrameworkException(String source, List<String> problems) {
        super("invalid sharing framework " + source + ":\n  " + String.join("\n  ", problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    FrameworkException(String source, String problem, Throwable cause) {
        super("cannot read sharing framework " + source + ": " + problem, cause);
        this.source = source;
        this.problems = List.of(problem);
    }

    /** The file or resource that was loaded. */
    public String source() {
        return source;
    }

    /** Each problem as {@code path: what is wrong}, e.g. {@code flows[3].categories[2]: unknown category 'HELTH'}. */
    public List<String> problems() {
        return problems;
    }
}
