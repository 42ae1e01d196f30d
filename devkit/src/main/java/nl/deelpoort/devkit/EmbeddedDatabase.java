package nl.deelpoort.devkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL (zonky embedded binaries) set up as production is: a database {@code deelpoort}
 * owned by the migration role {@code deelpoort_owner}, and the application role {@code
 * deelpoort_app} the gateway connects as, which owns nothing.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "deelpoort";
    public static final String OWNER = "deelpoort_owner";
    public static final String APP = "deelpoort_app";
    /** Dev-only passwords of the embedded database (documented exception to "no secrets in code"). */
    public static final String OWNER_PASSWORD = "deelpoort_owner_dev";

    public static final String APP_PASSWORD = "deelpoort_app_dev";

    /**
     * System property with more server settings ({@code name=value;name=value}), for diagnostics such as
     * preloading {@code pg_stat_statements} in a benchmark; never set by the gateway or the local stack.
     */
    public static final String EXTRA_CONFIG_PROPERTY = "deelpoort.dev.postgres-config";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code port} (0 = a free port). With a {@code dataDir} the data survives
     * restarts (local stack); without one it lives in a temporary folder (tests).
     */
    public static EmbeddedDatabase start(int port, Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("synchronous_commit", "on");
            // Diagnostics only (the benchmarks' statements=true): "name=value;name=value" more settings.
            String extra = System.getProperty(EXTRA_CONFIG_PROPERTY, "");
            for (String setting : extra.split(";")) {
                int eq = setting.indexOf('=');
                if (eq > 0) {
                    builder.setServerConfig(
                            setting.substring(0, eq).strip(),
                            setting.substring(eq + 1).strip());
                }
            }
            if (port != 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
            db.createRolesAndDatabase();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    private void createRolesAndDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN "
                    + "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + OWNER + "') THEN "
                    + "CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'; END IF; "
                    + "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP + "') THEN "
                    + "CREATE ROLE " + APP + " LOGIN PASSWORD '" + APP_PASSWORD + "'; END IF; END $$");
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            }
            s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the deelpoort roles", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** Superuser access, for tests that must act as an attacker with more rights than the app. */
    public Connection superuserConnection() throws SQLException {
        return postgres.getDatabase("postgres", DATABASE).getConnection();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
