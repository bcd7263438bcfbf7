package kiosk.app.service;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** How the kiosk's single-thread workers (reloads, staff calls, metrics) are stopped by the one that owns them. */
public final class OwnedThread {

    private OwnedThread() {
    }

    /**
     * Interrupts the executor's thread and joins it for at most {@code patience}; true when it stopped in time. An
     * interrupt of the caller while it waits is kept for the caller to see.
     */
    public static boolean stopAndJoin(ExecutorService thread, Duration patience) {
        thread.shutdownNow();
        try {
            return thread.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
