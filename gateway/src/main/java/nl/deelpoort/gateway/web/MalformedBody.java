package nl.deelpoort.gateway.web;

import java.lang.reflect.Field;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Explains an unreadable body by naming the field (JSON path) and the rule, never the offending
 * value: it could be a BSN or dossier content. Keys are request content too (a map key or an unknown
 * property name can be a BSN), so a path shows only the names of properties the target class
 * declares; any other key is shown as {@code *}, and an unknown property is not named at all.
 */
final class MalformedBody {

    static String describe(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof java.nio.charset.CharacterCodingException) {
            return Utf8Bodies.NOT_UTF8;
        }
        JacksonException jackson = jacksonCause(ex);
        if (jackson == null) {
            return "The request body is missing or unreadable.";
        }
        List<JacksonException.Reference> path = jackson.getPath();
        if (jackson instanceof PropertyBindingException) {
            // The last reference is the unknown property itself: request content, not echoed.
            String parent = path(path.subList(0, Math.max(0, path.size() - 1)));
            return subject(parent) + " has a property the contract does not know.";
        }
        String field = subject(path(path));
        if (isNull(jackson)) {
            return field + " must not be null.";
        }
        if (jackson instanceof MismatchedInputException m && m.getTargetType() != null) {
            return field + " must be " + expected(m.getTargetType()) + ".";
        }
        if (jackson instanceof InputCoercionException c && c.getTargetType() != null) {
            return field + " must be " + expected(c.getTargetType()) + " within its range.";
        }
        if (jackson instanceof ValueInstantiationException) {
            return field + " has a value the gateway cannot accept.";
        }
        if (jackson instanceof StreamConstraintsException) {
            return "The body exceeds a limit of the JSON reader (nesting depth, number or string length).";
        }
        if (jackson instanceof DatabindException && !path.isEmpty()) {
            return field + " has the wrong shape.";
        }
        return "The body is not valid JSON.";
    }

    /** A null (or absent value) where the type has none: Jackson says so in its own words only. */
    private static boolean isNull(JacksonException e) {
        return e instanceof InvalidNullException
                || e instanceof MismatchedInputException m
                        && (m.getCurrentToken() == JsonToken.VALUE_NULL
                                || String.valueOf(m.getOriginalMessage()).startsWith("Cannot map `null`"));
    }

    /** What a value of {@code type} looks like in JSON, in words; never a value. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == int.class
                || type == long.class
                || type == short.class
                || type == byte.class
                || type == Integer.class
                || type == Long.class
                || type == Short.class
                || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == LocalDate.class) {
            return "a date (yyyy-MM-dd)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time (ISO 8601)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String subject(String path) {
        return path.isEmpty() ? "The body" : "Field '" + path + "'";
    }

    /** The outermost Jackson exception: it carries the whole path (a nested cause may be the bare reason). */
    private static JacksonException jacksonCause(Throwable ex) {
        for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    static String path(List<JacksonException.Reference> references) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : references) {
            String name = ref.getPropertyName();
            if (name != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(declared(ref.from(), name) ? name : "*");
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** True when {@code name} is a property the class declares, not a map key or an unknown name. */
    private static boolean declared(Object from, String name) {
        Class<?> type = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
        if (type == null || Map.class.isAssignableFrom(type) || JsonNode.class.isAssignableFrom(type)) {
            return false;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                com.fasterxml.jackson.annotation.JsonProperty renamed =
                        f.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                if (f.getName().equals(name)
                        || renamed != null && renamed.value().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private MalformedBody() {}
}
