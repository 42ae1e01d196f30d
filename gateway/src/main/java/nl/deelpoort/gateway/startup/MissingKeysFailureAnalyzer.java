package nl.deelpoort.gateway.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link MissingKeysException} into the start-up report: what is missing and how to set it. */
class MissingKeysFailureAnalyzer extends AbstractFailureAnalyzer<MissingKeysException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingKeysException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set the environment variables above from your secret store (docs/settings.md lists every"
                        + " setting; GenerateKey prints a signing key). For local development start the gateway"
                        + " with the '" + DevProfile.NAME + "' profile (SPRING_PROFILES_ACTIVE=" + DevProfile.NAME
                        + "): it generates the missing keys into the data folders.",
                cause);
    }
}
