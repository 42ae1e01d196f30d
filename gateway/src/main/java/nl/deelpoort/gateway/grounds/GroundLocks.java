package nl.deelpoort.gateway.grounds;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Serialises the follow-up events of one ground (withdraw, end, review) for the rest of the
 * transaction. A transaction-scoped advisory lock needs no UPDATE right (SELECT ... FOR UPDATE would),
 * so the app role keeps SELECT and INSERT only. The two-key form does not overlap the log's
 * single-key advisory locks; a hash collision merely serialises two unrelated grounds.
 */
final class GroundLocks {

    /** First key of every grounds lock: "GRND". */
    private static final int GROUNDS = 0x47524e44;

    static void lock(JdbcTemplate jdbc, String groundId) {
        jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", rs -> null, GROUNDS, groundId);
    }

    private GroundLocks() {}
}
