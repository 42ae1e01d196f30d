package nl.deelpoort.policy;

/** A vocabulary value with a plain-language label in both languages, used when explaining a decision. */
interface Labelled {
    String name();

    String labelNl();

    String labelEn();
}
