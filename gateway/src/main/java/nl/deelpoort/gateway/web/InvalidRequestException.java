package nl.deelpoort.gateway.web;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** Input that breaks a rule of the contract: 422 with every broken field named in {@code invalidFields}. */
public class InvalidRequestException extends ProblemException {

    private final List<InvalidField> fields;

    public InvalidRequestException(List<InvalidField> fields) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                ProblemTypes.INVALID_REQUEST,
                "Invalid request",
                fields.stream().map(f -> f.field() + ": " + f.problem()).collect(Collectors.joining("; ")));
        this.fields = List.copyOf(fields);
        property("invalidFields", this.fields);
    }

    public static InvalidRequestException of(String field, String problem) {
        return new InvalidRequestException(List.of(new InvalidField(field, problem)));
    }

    public List<InvalidField> fields() {
        return fields;
    }
}
