package nl.deelpoort.policy;

/** Why data is shared. Every flow serves exactly one purpose; the framework is a closed list. */
public enum Purpose implements Labelled {
    ESCALATION,
    DE_ESCALATION,
    PROVISION_APPLICATION,
    ACCOUNTABILITY,
    SAFETY_REPORT,
    SAFETY_INVESTIGATION,
    SAFETY_CONSULTATION,
    CHILD_PROTECTION,
    MDO,
    STATISTICS,
    PROVISION_DECISION
}
