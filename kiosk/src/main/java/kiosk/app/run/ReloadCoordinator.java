package kiosk.app.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.tinylog.Logger;

/**
 * Reads the configuration and the store again on a thread of its own, one reload at a time, and hands the outcome to
 * the loop, which swaps it in between turns. Neither the control socket nor the loop waits on the files.
 */
final class ReloadCoordinator implements AutoCloseable {

    private final Supplier<ReloadOutcome> reloader;
    private final Consumer<KioskEvent> events;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread reloading = new Thread(r, "kiosk-reload");
        reloading.setDaemon(true);
        return reloading;
    });

    ReloadCoordinator(Supplier<ReloadOutcome> reloader, Consumer<KioskEvent> events) {
        this.reloader = reloader;
        this.events = events;
    }

    /** Starts a reload; the future completes with what the loop made of it ("reloaded …" or "kept …"). */
    CompletableFuture<String> request() {
        CompletableFuture<String> reply = new CompletableFuture<>();
        try {
            thread.execute(() -> events.accept(new KioskEvent.ReloadReady(read(), reply)));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            reply.complete("kept the last good configuration and knowledge: the kiosk is stopping");
        }
        return reply;
    }

    private ReloadOutcome read() {
        try {
            return reloader.get();
        } catch (RuntimeException e) {
            Logger.error(e, "reload failed");
            return new ReloadOutcome.Refused(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                Logger.warn("a reload was still reading files when the kiosk stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
