package nl.deelpoort.gateway.logstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import nl.deelpoort.devkit.EmbeddedDatabase;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The database refuses every way of changing the log: the app role lacks the rights, and the owner
 * and a superuser hit the triggers, also with triggers "switched off" by replication mode.
 */
class LogImmutabilityIT extends IntegrationTest {

    private static final List<String> TABLES = List.of("log_entry", "log_subtree", "checkpoint");

    @Autowired
    DisclosureLog log;

    @Autowired
    Checkpointer checkpointer;

    @BeforeEach
    void everyTableHasRows() {
        // Row triggers only fire on rows: two entries give a level-1 subtree, then a checkpoint.
        log.append(LogEntry.builder(EntryKind.EVALUATION).purpose("SIGNAL").decision("PERMIT"));
        log.append(LogEntry.builder(EntryKind.EVALUATION).purpose("SIGNAL").decision("DENY"));
        checkpointer.checkpointNow();
    }

    @Test
    void appRoleHasNoRightToChangeTheLog() throws SQLException {
        try (Connection app = connect(EmbeddedDatabase.APP, EmbeddedDatabase.APP_PASSWORD)) {
            for (String table : TABLES) {
                for (String sql : changes(table)) {
                    assertThatThrownBy(() -> execute(app, sql))
                            .as(sql)
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("permission denied");
                }
            }
        }
    }

    @Test
    void ownerIsStoppedByTheTriggers() throws SQLException {
        try (Connection owner = connect(EmbeddedDatabase.OWNER, EmbeddedDatabase.OWNER_PASSWORD)) {
            assertRefusedByTrigger(owner);
        }
    }

    @Test
    void superuserIsStoppedByTheTriggers() throws SQLException {
        try (Connection su = TestServices.get().database().superuserConnection()) {
            assertRefusedByTrigger(su);
        }
    }

    @Test
    void replicationModeDoesNotSwitchTheTriggersOff() throws SQLException {
        try (Connection su = TestServices.get().database().superuserConnection()) {
            execute(su, "SET session_replication_role = replica");
            assertRefusedByTrigger(su);
        }
    }

    @Test
    void appRoleMayOnlyReadAndAppend() throws SQLException {
        try (Connection su = TestServices.get().database().superuserConnection();
                Statement s = su.createStatement();
                var rs = s.executeQuery("SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type)"
                        + " FROM information_schema.role_table_grants WHERE grantee = '" + EmbeddedDatabase.APP
                        + "' AND table_schema = 'deelpoort' AND table_name IN ('log_entry', 'log_subtree', 'checkpoint')"
                        + " GROUP BY table_name")) {
            int tables = 0;
            while (rs.next()) {
                assertThat(rs.getString(2)).as(rs.getString(1)).isEqualTo("INSERT,SELECT");
                tables++;
            }
            assertThat(tables).isEqualTo(3);
        }
    }

    private static void assertRefusedByTrigger(Connection c) throws SQLException {
        long before = count(c);
        for (String table : TABLES) {
            for (String sql : changes(table)) {
                assertThatThrownBy(() -> execute(c, sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(count(c)).isEqualTo(before);
    }

    private static List<String> changes(String table) {
        String t = "deelpoort." + table;
        String column = switch (table) {
            case "log_entry" -> "kind = 'DISCLOSURE'";
            case "log_subtree" -> "hash = hash";
            default -> "signed_note = signed_note";
        };
        return List.of("UPDATE " + t + " SET " + column, "DELETE FROM " + t, "TRUNCATE " + t);
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                var rs = s.executeQuery(
                        "SELECT (SELECT count(*) FROM deelpoort.log_entry)"
                                + " + (SELECT count(*) FROM deelpoort.log_subtree) + (SELECT count(*) FROM deelpoort.checkpoint)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(TestServices.get().database().jdbcUrl(), user, password);
    }
}
