package kiosk.app.run;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.tinylog.Logger;

/**
 * Pings systemd's watchdog only while the kiosk is sound: the loop's thread has made progress lately (it handles a
 * clock tick every 250 ms, so silence means it is stuck) and no turn worker is overdue. When either fails the pings
 * stop and systemd restarts the kiosk ({@code WatchdogSec=}). Pings come from a thread of its own, so that a stuck
 * loop cannot ping and a busy one need not.
 */
final class LoopWatchdog implements AutoCloseable {

    /** Longer than any step the loop's thread takes between two events. */
    static final Duration STALL = Duration.ofSeconds(5);

    private final Runnable ping;
    private final Supplier<Optional<String>> overdueWorker;
    private final Duration stall;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread watching = new Thread(r, "kiosk-watchdog");
        watching.setDaemon(true);
        return watching;
    });
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile Optional<String> withheld = Optional.empty();

    LoopWatchdog(Runnable ping, Supplier<Optional<String>> overdueWorker, Duration stall, Duration every) {
        this.ping = ping;
        this.overdueWorker = overdueWorker;
        this.stall = stall;
        thread.scheduleAtFixedRate(this::check, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The loop's thread finished handling an event. */
    void progress() {
        lastProgressNanos = System.nanoTime();
    }

    /** Why the pings stop now, if they do (for {@code kioskctl status} and the tests). */
    Optional<String> withheld() {
        return withheld;
    }

    private void check() {
        long quiet = System.nanoTime() - lastProgressNanos;
        Optional<String> problem = quiet > stall.toNanos()
                ? Optional.of("the kiosk loop has made no progress for " + Duration.ofNanos(quiet).toMillis() + " ms")
                : overdueWorker.get();
        if (problem.isPresent() && withheld.isEmpty()) {
            Logger.error("watchdog: not pinging systemd: {}", problem.get());
        }
        withheld = problem;
        if (problem.isEmpty()) {
            try {
                ping.run();
            } catch (RuntimeException e) {
                Logger.warn("watchdog ping failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
