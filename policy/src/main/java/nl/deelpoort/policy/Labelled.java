package nl.deelpoort.policy;

/**
 * A vocabulary value with a plain-language label in both languages, used when explaining a
 * decision. The labels are in {@code reasons_nl/en.properties} under {@code Enum.CONSTANT}.
 */
public interface Labelled {
    String name();

    default String labelNl() {
        return Wording.label(this).nl();
    }

    default String labelEn() {
        return Wording.label(this).en();
    }
}
