package nl.deelpoort.gateway.audit;

/** A subject of a sample, by its pseudonym, and how many entries of the period it has. */
public record SampledSubject(String subjectPseudonym, long entries) {}
