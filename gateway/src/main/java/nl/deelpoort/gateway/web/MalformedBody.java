package nl.deelpoort.gateway.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Explains an unreadable body by naming the field (JSON path) and the rule, without echoing the
 * offending value: it could be a BSN or dossier content.
 */
final class MalformedBody {

    static String describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof InvalidFormatException invalid) {
            return "Field '" + path(invalid) + "' must be a "
                    + invalid.getTargetType().getSimpleName() + ".";
        }
        if (cause instanceof DatabindException mapping && !mapping.getPath().isEmpty()) {
            return "Field '" + path(mapping) + "' has the wrong shape.";
        }
        if (cause instanceof JacksonException) {
            return "The body is not valid JSON.";
        }
        return "The request body is missing or unreadable.";
    }

    private static String path(DatabindException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private MalformedBody() {}
}
