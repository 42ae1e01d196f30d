package nl.deelpoort.policy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A sentence of the policy documents a flow or agreement rests on, copied word for word into the
 * framework, with where it stands. The documents themselves are not shipped: a professional who
 * asks "may I share this?" reads the words the answer rests on, not only a line number.
 *
 * @param ref document and line, {@code 000:L168}: document 000, line 168
 * @param text the sentence as the document has it, Dutch; "…" marks where it was shortened
 */
public record SourceQuote(String ref, String text) {
    /** A quote is a sentence or two, not a page; longer text is cut with "…". */
    static final int MAX_TEXT_LENGTH = 400;

    private static final Pattern REF = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*:L[1-9][0-9]{0,5}");

    public SourceQuote {
        Optional<String> problem = refProblem(ref).or(() -> textProblem(text));
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** The document the sentence stands in: {@code 000} for {@code 000:L168}. */
    public String document() {
        return ref.substring(0, ref.indexOf(":L"));
    }

    /** The line of the document, as written: {@code 168} for {@code 000:L168}. */
    public String line() {
        return ref.substring(ref.indexOf(":L") + 2);
    }

    /** The references of {@code quotes} in their order, joined by ", ". */
    static String refs(List<SourceQuote> quotes) {
        return quotes.stream().map(SourceQuote::ref).collect(Collectors.joining(", "));
    }

    /** Why {@code ref} is not a reference such as {@code 000:L168}, or empty when it is one. */
    static Optional<String> refProblem(String ref) {
        if (ref == null || !REF.matcher(ref).matches()) {
            return Optional.of("'" + ref + "' is not a reference to a line such as 000:L168 (document:Lline)");
        }
        return Optional.empty();
    }

    /** Why {@code text} cannot be shown as a quote, or empty when it can. */
    static Optional<String> textProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("the quoted sentence is empty");
        }
        if (!text.strip().equals(text)) {
            return Optional.of("the quoted sentence starts or ends with white space");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("the quoted sentence must be one line, without control characters");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return Optional.of("the quoted sentence has " + text.length() + " characters, more than " + MAX_TEXT_LENGTH
                    + ": shorten it and mark the cut with …");
        }
        return Optional.empty();
    }
}
