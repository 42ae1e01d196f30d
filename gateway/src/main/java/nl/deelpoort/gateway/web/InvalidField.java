package nl.deelpoort.gateway.web;

/** One entry of a problem's {@code invalidFields}: the field (JSON path) and the rule it breaks. */
public record InvalidField(String field, String problem) {}
