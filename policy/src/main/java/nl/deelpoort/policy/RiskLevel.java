package nl.deelpoort.policy;

/** Risk level of a safety override. Only these two exist in the source (004:L78). */
public enum RiskLevel {
    MIDDEN,
    HOOG
}
