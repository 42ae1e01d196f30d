package nl.deelpoort.gateway.logstore;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the disclosure log.
 *
 * <p>{@code signingKeyFile} holds the Ed25519 checkpoint key in the C2SP {@code PRIVATE+KEY+…} form;
 * {@code pseudonymKey} is the base64 HMAC key that turns a BSN into the row key of its subject secret.
 * Production sets both (from secrets); without them the gateway refuses to start. Only in the dev
 * profile is an absent one generated on first start into {@code dataDir} and reused afterwards: the
 * local stack's way, and the tests'.
 *
 * <p>{@code deelpoort.log.checkpoint-interval} (default 5s) and {@code integrity-interval} (default 10m)
 * are read where they are used, by the {@code @Scheduled} methods of Checkpointer and IntegrityCheck.
 *
 * @param origin the checkpoint origin and the key name, e.g. {@code deelpoort.local/log}
 * @param dataDir dev profile only: where missing keys are generated and kept
 * @param signingKeyFile file with the Ed25519 checkpoint signing key (C2SP {@code PRIVATE+KEY+…}
 *     form, from GenerateKey); required outside the dev profile
 * @param pseudonymKey base64 HMAC key (at least 32 bytes) that turns a BSN into the row key of its
 *     subject secret; required outside the dev profile
 * @param batchSize at most this many entries per sequencer transaction
 * @param batchLinger how long the sequencer waits for more entries before writing a short batch; zero
 *     writes whatever has queued up while the previous batch committed (group commit without delay)
 * @param appendTimeout how long a caller waits for its entry to be committed before failing closed
 * @param queueCapacity entries that may wait for the sequencer before appends are refused
 * @param sequencerPoolSize connections of the sequencer's own pool, apart from the main one
 */
@ConfigurationProperties("deelpoort.log")
record LogSettings(
        String origin,
        Path dataDir,
        Path signingKeyFile,
        String pseudonymKey,
        Integer batchSize,
        Duration batchLinger,
        Duration appendTimeout,
        Integer queueCapacity,
        Integer sequencerPoolSize) {

    LogSettings {
        if (origin == null || origin.isBlank()) {
            origin = "deelpoort.local/log";
        }
        if (dataDir == null) {
            dataDir = Path.of(".local-stack", "log-keys");
        }
        if (batchSize == null) {
            batchSize = 512;
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("deelpoort.log.batch-size must be at least 1");
        }
        if (batchLinger == null) {
            batchLinger = Duration.ZERO;
        }
        if (appendTimeout == null) {
            appendTimeout = Duration.ofSeconds(10);
        }
        if (queueCapacity == null) {
            queueCapacity = 10_000;
        }
        if (sequencerPoolSize == null) {
            sequencerPoolSize = 2;
        }
        if (sequencerPoolSize < 1) {
            throw new IllegalArgumentException("deelpoort.log.sequencer-pool-size must be at least 1");
        }
    }
}
