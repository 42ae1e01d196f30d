package nl.deelpoort.gateway.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.Map;
import nl.deelpoort.devkit.EmbeddedDatabase;
import org.flywaydb.core.Flyway;

/**
 * What the benchmark mains share: {@code key=value} arguments, an embedded PostgreSQL migrated with
 * the gateway's own Flyway scripts as the owner, and a pool connected as the application role — the
 * same arrangement the gateway runs in.
 */
public final class BenchDatabase {

    /** {@code key=value} command-line arguments as a map. */
    public static Map<String, String> arguments(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv[1]);
        }
        return a;
    }

    /** A fresh embedded PostgreSQL with the gateway's schema. */
    public static EmbeddedDatabase migrated() {
        EmbeddedDatabase db = EmbeddedDatabase.start(0, null);
        migrate(db, "latest");
        return db;
    }

    /** Runs the gateway's Flyway scripts as the owner, up to version {@code target} ("latest": all). */
    public static void migrate(EmbeddedDatabase db, String target) {
        Flyway.configure()
                .dataSource(db.jdbcUrl(), EmbeddedDatabase.OWNER, EmbeddedDatabase.OWNER_PASSWORD)
                .schemas("deelpoort")
                .defaultSchema("deelpoort")
                .placeholders(Map.of("appRole", EmbeddedDatabase.APP))
                .target(target)
                .load()
                .migrate();
    }

    /** A pool of {@code size} connections as the application role. */
    public static HikariDataSource appPool(EmbeddedDatabase db, int size) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(db.jdbcUrl());
        cfg.setSchema("deelpoort");
        cfg.setUsername(EmbeddedDatabase.APP);
        cfg.setPassword(EmbeddedDatabase.APP_PASSWORD);
        cfg.setMaximumPoolSize(size);
        return new HikariDataSource(cfg);
    }

    private BenchDatabase() {}
}
