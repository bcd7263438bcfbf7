package kiosk.app.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import kiosk.app.service.OwnedThread;
import org.tinylog.Logger;

/**
 * Writes {@code kiosk.prom} into node_exporter's textfile collector folder every minute, atomically (a temporary file
 * in the same folder, then a rename), so the collector never reads half a file. Owns its thread: {@link #start()}
 * once, {@link #close()} once (which writes a last time). A missing or unwritable folder is reported once, not every
 * minute.
 */
public final class TextfileWriter implements AutoCloseable {

    public static final String FILE_NAME = "kiosk.prom";

    private final KioskMetrics metrics;
    private final Path folder;
    private final Duration every;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread worker = new Thread(runnable, "metrics-textfile");
        worker.setDaemon(true);
        return worker;
    });
    private boolean warned;
    private boolean closed;

    public TextfileWriter(KioskMetrics metrics, Path folder, Duration every) {
        this.metrics = metrics;
        this.folder = folder;
        this.every = every;
    }

    public void start() {
        thread.scheduleAtFixedRate(this::writeNow, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Path file() {
        return folder.resolve(FILE_NAME);
    }

    /** Writes the file now; returns whether it worked. */
    public synchronized boolean writeNow() {
        try {
            Path temporary = Files.createTempFile(folder, ".kiosk.prom.", ".tmp");
            try {
                Files.write(temporary, metrics.text());
                Files.move(temporary, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            warned = false;
            return true;
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                warned = true;
                Logger.warn("metrics: cannot write {} ({}); node_exporter will not see this kiosk's metrics",
                        file(), e.getMessage());
            }
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        OwnedThread.stopAndJoin(thread, Duration.ofSeconds(5));
        writeNow();
    }
}
