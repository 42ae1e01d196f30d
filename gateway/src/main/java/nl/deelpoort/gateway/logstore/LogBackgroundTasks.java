package nl.deelpoort.gateway.logstore;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Signs checkpoints every few seconds and re-verifies the log now and then. A lifecycle bean, so it
 * starts only once the context (and with it the migrations) is complete, and stops before the
 * DataSource closes.
 */
final class LogBackgroundTasks implements SmartLifecycle {

    private final Checkpointer checkpointer;
    private final IntegrityCheck integrity;
    private final LogSettings settings;
    private ScheduledExecutorService executor;

    LogBackgroundTasks(Checkpointer checkpointer, IntegrityCheck integrity, LogSettings settings) {
        this.checkpointer = checkpointer;
        this.integrity = integrity;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "log-checkpoints");
            t.setDaemon(true);
            return t;
        });
        long every = settings.checkpointInterval().toMillis();
        executor.scheduleWithFixedDelay(checkpointer::checkpointQuietly, 0, every, TimeUnit.MILLISECONDS);
        long check = settings.integrityInterval().toMillis();
        executor.scheduleWithFixedDelay(integrity::runQuietly, Math.min(check, 30_000), check, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
