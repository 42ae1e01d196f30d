package nl.deelpoort.gateway.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Numbers in paths, query parameters and console forms ({@code /log/entries/{seq}}, {@code fromSeq},
 * {@code page}) are ASCII digits with an optional leading minus, nothing else. Java's own parsing,
 * which Spring's default number editor falls back to, accepts any Unicode digit, so
 * {@code /log/entries/١} (ARABIC-INDIC DIGIT ONE) would read entry 1: a second spelling of the same
 * id that logs, caches and filters would not recognise. Anything else is the 400 of a parameter
 * that is not a number. Editors, not converters: a binder that has an editor for the type does not
 * fall back to the lenient default one.
 */
@ControllerAdvice
class AsciiNumbers {

    @InitBinder
    void asciiOnly(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new Editor(Long::valueOf, false));
        binder.registerCustomEditor(Long.class, new Editor(Long::valueOf, true));
        binder.registerCustomEditor(int.class, new Editor(Integer::valueOf, false));
        binder.registerCustomEditor(Integer.class, new Editor(Integer::valueOf, true));
    }

    static String ascii(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("not a number");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c == '-' && i == 0 && s.length() > 1))) {
                throw new IllegalArgumentException("not an ASCII number");
            }
        }
        return s;
    }

    /** Parses ASCII digits; empty text is absent where the type allows it, as with Spring's own editor. */
    static final class Editor extends PropertyEditorSupport {
        private final Function<String, Number> parse;
        private final boolean allowEmpty;

        Editor(Function<String, Number> parse, boolean allowEmpty) {
            this.parse = parse;
            this.allowEmpty = allowEmpty;
        }

        @Override
        public void setAsText(String text) {
            if (allowEmpty && (text == null || text.isBlank())) {
                setValue(null);
                return;
            }
            if (text == null) {
                throw new IllegalArgumentException("not a number");
            }
            setValue(parse.apply(ascii(text)));
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
