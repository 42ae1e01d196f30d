package nl.deelpoort.gateway.reliability.heavy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.deelpoort.devkit.EmbeddedDatabase;

/**
 * A real embedded PostgreSQL (devkit's {@link EmbeddedDatabase}, zonky binaries) on a fixed port and data
 * directory, so that it can be killed and started again as the same server: {@link #kill()} sends SIGKILL
 * to the postmaster (its pid is the first line of {@code postmaster.pid}) and to every backend it had, as a
 * crash of the machine would leave it; {@link #restart()} starts PostgreSQL on the same directory, which
 * then runs crash recovery from its WAL.
 */
final class KillablePostgres implements AutoCloseable {

    private final int port;
    private final Path dataDir;
    private EmbeddedDatabase database;

    private KillablePostgres(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    /** A fresh server: {@code dataDir} is emptied first. */
    static KillablePostgres start(Path dataDir) {
        deleteTree(dataDir);
        KillablePostgres pg = new KillablePostgres(GatewayProcess.freePort(), dataDir);
        pg.database = EmbeddedDatabase.start(pg.port, dataDir);
        return pg;
    }

    EmbeddedDatabase database() {
        return database;
    }

    /** SIGKILL to the postmaster and all its children; returns once every one of them is gone. */
    void kill() {
        long pid;
        try {
            pid = Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessHandle postmaster =
                ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(0, postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL process " + p.pid() + " did not die", e);
            }
        }
        // Releases zonky's lock on the directory; its pg_ctl stop finds no server (logged, not thrown).
        database.close();
    }

    /** Starts PostgreSQL again on the same port and data directory (crash recovery). */
    void restart() {
        database = EmbeddedDatabase.start(port, dataDir);
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
