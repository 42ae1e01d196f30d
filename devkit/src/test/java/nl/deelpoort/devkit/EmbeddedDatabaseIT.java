package nl.deelpoort.devkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseIT {

    @Test
    void databaseBelongsToTheOwnerAndTheAppRoleIsUnprivileged() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(0, null);
                Connection app = DriverManager.getConnection(
                        db.jdbcUrl(), EmbeddedDatabase.APP, EmbeddedDatabase.APP_PASSWORD)) {
            ResultSet rs = app.createStatement()
                    .executeQuery("SELECT pg_get_userbyid(datdba), current_user,"
                            + " (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
                            + " FROM pg_database WHERE datname = current_database()");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(EmbeddedDatabase.OWNER);
            assertThat(rs.getString(2)).isEqualTo(EmbeddedDatabase.APP);
            assertThat(rs.getBoolean(3)).isFalse();
            assertThatThrownBy(() -> app.createStatement().execute("CREATE SCHEMA intruder"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }
}
