package nl.deelpoort.gateway.audit;

/** Disclosures from one requesting organisation to one recipient in a period (the statistics). */
public record PairCount(String requester, String recipient, long count) {}
