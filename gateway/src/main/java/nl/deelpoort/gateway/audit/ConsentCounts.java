package nl.deelpoort.gateway.audit;

/** Consents given, withdrawn and expired in a period (the statistics). */
public record ConsentCounts(long given, long withdrawn, long expired) {}
