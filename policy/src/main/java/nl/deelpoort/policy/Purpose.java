package nl.deelpoort.policy;

/** Why data is shared. Every flow serves exactly one purpose; the framework is a closed list. */
public enum Purpose implements Labelled {
    ESCALATION("opschalen naar het PlusTeam", "scaling up to the PlusTeam"),
    DE_ESCALATION("afschalen naar de toegang", "scaling down to the access team"),
    PROVISION_APPLICATION("advies en aanvraag van een voorziening", "advice and application for a provision"),
    ACCOUNTABILITY("verantwoording", "accountability"),
    SAFETY_REPORT("melding bij Veilig Thuis", "report to Veilig Thuis"),
    SAFETY_INVESTIGATION("triage en onderzoek door Veilig Thuis", "triage and investigation by Veilig Thuis"),
    SAFETY_CONSULTATION("advies vragen aan Veilig Thuis", "consulting Veilig Thuis"),
    CHILD_PROTECTION("samenwerking met jeugdbescherming", "working with child protection"),
    MDO("multidisciplinair overleg", "multidisciplinary case meeting"),
    STATISTICS("statistiek", "statistics"),
    PROVISION_DECISION("beschikking", "decision on a provision");

    private final String labelNl;
    private final String labelEn;

    Purpose(String labelNl, String labelEn) {
        this.labelNl = labelNl;
        this.labelEn = labelEn;
    }

    @Override
    public String labelNl() {
        return labelNl;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }
}
