package nl.deelpoort.gateway.reliability.heavy;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.devkit.EmbeddedDatabase;
import nl.deelpoort.ledger.note.Checkpoint;
import nl.deelpoort.ledger.note.NoteVerifier;
import nl.deelpoort.ledger.verify.LogVerifier;

/**
 * The whole log as the offline verifier sees it, read straight from the database (superuser, no gateway in
 * between): every entry through the ledger's {@link LogVerifier} (seq dense from 0, so no gap and no
 * duplicate; each leaf hash recomputed from the canonical bytes, which must decode and carry their seq),
 * then every signed checkpoint opened with the log's public key and its root compared with the root of the
 * entries at its size. All checkpoints being roots of prefixes of one sequence of leaves is what "one
 * tree, no fork" means.
 */
final class LogAudit {

    record StoredCheckpoint(long size, byte[] root, String note) {}

    /**
     * @param size entries in the log
     * @param kinds every seq's entry kind
     * @param checkpoints the signed checkpoints, oldest first
     * @param problem what failed to verify, null when all did
     */
    record Result(long size, Map<Long, String> kinds, List<StoredCheckpoint> checkpoints, String problem) {

        boolean verified() {
            return problem == null;
        }
    }

    static Result of(EmbeddedDatabase database, String verifierKey) throws SQLException {
        NoteVerifier noteVerifier = NoteVerifier.fromVerifierKey(verifierKey.strip());
        try (Connection c = database.superuserConnection()) {
            List<StoredCheckpoint> checkpoints = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                            "SELECT tree_size, root_hash, signed_note FROM deelpoort.checkpoint ORDER BY tree_size");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    checkpoints.add(new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3)));
                }
            }
            LogVerifier verifier = new LogVerifier(
                    checkpoints.stream().mapToLong(StoredCheckpoint::size).toArray());
            Map<Long, String> kinds = new HashMap<>();
            String problem = null;
            c.setAutoCommit(false); // a cursor, not the whole log in memory at once
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT seq, canonical, leaf_hash, kind FROM deelpoort.log_entry ORDER BY seq")) {
                s.setFetchSize(2048);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        verifier.add(seq, rs.getBytes(2), rs.getBytes(3));
                        kinds.put(seq, rs.getString(4));
                    }
                }
            } catch (RuntimeException e) {
                problem = "entry " + verifier.size() + ": " + e.getMessage();
            } finally {
                c.rollback();
            }
            if (problem == null) {
                problem = checkpointProblem(checkpoints, verifier, noteVerifier);
            }
            return new Result(verifier.size(), kinds, checkpoints, problem);
        }
    }

    private static String checkpointProblem(
            List<StoredCheckpoint> checkpoints, LogVerifier entries, NoteVerifier noteVerifier) {
        for (StoredCheckpoint cp : checkpoints) {
            Checkpoint signed;
            try {
                signed = Checkpoint.open(cp.note(), noteVerifier);
            } catch (RuntimeException e) {
                return "checkpoint " + cp.size() + " does not verify: " + e.getMessage();
            }
            if (signed.size() != cp.size() || !MessageDigest.isEqual(signed.rootHash(), cp.root())) {
                return "checkpoint " + cp.size() + ": signed note differs from its row";
            }
            if (cp.size() > entries.size()) {
                return "checkpoint " + cp.size() + " covers more than the " + entries.size() + " entries";
            }
            if (!MessageDigest.isEqual(entries.rootAt(cp.size()), cp.root())) {
                return "checkpoint " + cp.size() + ": the entries give another root (a fork or a rewrite)";
            }
        }
        return null;
    }

    /** Waits until the latest signed checkpoint covers every entry (the background checkpointer's next run). */
    static void awaitCheckpointed(EmbeddedDatabase database, java.time.Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection c = database.superuserConnection();
                    PreparedStatement s = c.prepareStatement("SELECT (SELECT coalesce(max(tree_size), -1)"
                            + " FROM deelpoort.checkpoint) = (SELECT count(*) FROM deelpoort.log_entry)");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no checkpoint covers the whole log after " + timeout);
            }
            GatewayProcess.sleep(200);
        }
    }

    private LogAudit() {}
}
