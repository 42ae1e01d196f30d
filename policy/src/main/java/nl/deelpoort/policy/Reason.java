package nl.deelpoort.policy;

import java.util.Objects;

/** Why something was refused (or what would be needed), as a stable code and a sentence per language. */
public record Reason(ReasonCode code, String messageNl, String messageEn) {
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageNl, "messageNl");
        Objects.requireNonNull(messageEn, "messageEn");
    }
}
