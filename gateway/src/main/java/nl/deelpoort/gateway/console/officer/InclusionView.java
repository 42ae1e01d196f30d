package nl.deelpoort.gateway.console.officer;

import java.util.Locale;
import java.util.Optional;
import nl.deelpoort.gateway.logstore.CheckpointInclusion;

/**
 * Whether an entry is in the latest signed checkpoint, checked on the server with the ledger's
 * verifier ({@link CheckpointInclusion}): the checkpoint's signature with the log's key first, then
 * the inclusion proof from the stored subtrees against the leaf hash of the entry's own canonical
 * bytes. The offline verifier can repeat the check from the export.
 *
 * @param treeSize the checkpoint's size (0 when there is none)
 * @param checkpointTime when it was signed, in words (null when there is none)
 */
record InclusionView(Status status, long treeSize, String checkpointTime) {

    enum Status {
        VERIFIED("badge-ok"),
        NOT_VERIFIED("badge-no"),
        SIGNATURE_INVALID("badge-no"),
        /** The entry is newer than the latest checkpoint; the next one (every few seconds) will cover it. */
        PENDING("badge-warn"),
        NO_CHECKPOINT("badge-warn");

        private final String badge;

        Status(String badge) {
            this.badge = badge;
        }

        public String badge() {
            return badge;
        }
    }

    static InclusionView check(
            CheckpointInclusion inclusion, long seq, byte[] canonical, Labels labels, Locale locale) {
        Optional<CheckpointInclusion.Snapshot> latest = inclusion.latest();
        if (latest.isEmpty()) {
            return new InclusionView(Status.NO_CHECKPOINT, 0, null);
        }
        CheckpointInclusion.Snapshot c = latest.get();
        Status status;
        if (!c.signatureValid()) {
            status = Status.SIGNATURE_INVALID;
        } else if (seq >= c.treeSize()) {
            status = Status.PENDING;
        } else {
            status = inclusion.verifies(c, seq, canonical) ? Status.VERIFIED : Status.NOT_VERIFIED;
        }
        return new InclusionView(status, c.treeSize(), labels.time(c.createdAt(), locale));
    }
}
