package nl.deelpoort.policy;

/** Child-protection measure registered by a certified institution. */
public enum MeasureType {
    /** Ondertoezichtstelling: supervision order. */
    OTS,
    VOOGDIJ,
    JEUGDRECLASSERING
}
