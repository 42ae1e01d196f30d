package nl.deelpoort.gateway.web;

import java.util.List;

/** Input that breaks a rule of the contract: 422 with every broken field named. */
public class InvalidRequestException extends RuntimeException {

    private final List<InvalidField> fields;

    public InvalidRequestException(List<InvalidField> fields) {
        super(fields.size() + " invalid field(s)");
        this.fields = List.copyOf(fields);
    }

    public List<InvalidField> fields() {
        return fields;
    }
}
