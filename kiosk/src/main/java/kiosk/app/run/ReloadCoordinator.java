package kiosk.app.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

import kiosk.app.config.KioskConfig;
import kiosk.app.service.OwnedThread;
import kiosk.app.voice.StoreKiosk;
import org.tinylog.Logger;

/**
 * Reads the configuration and the store again on a thread of its own, one reload at a time, and hands the outcome to
 * the loop, which swaps it in between turns ({@link #judge} says what it comes to). Neither the control socket nor
 * the loop waits on the files.
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
        if (!OwnedThread.stopAndJoin(thread, Duration.ofSeconds(5))) {
            Logger.warn("a reload was still reading files when the kiosk stopped");
        }
    }

    /** What a reload comes to: the knowledge to serve from now on (empty: the last good one stays) and what to say. */
    record Verdict(java.util.Optional<Serving> serving, String message) {
    }

    /** Judges what a reload read, against the settings serving now (some take effect only at a restart). */
    static Verdict judge(ReloadOutcome outcome, KioskConfig current) {
        if (outcome instanceof ReloadOutcome.Loaded loaded) {
            List<String> notes = new ArrayList<>(loaded.notes());
            if (!loaded.config().panel().equals(current.panel()) || !loaded.config().audio().equals(current.audio())
                    || !loaded.config().models().language().equals(current.models().language())) {
                notes.add("panel, audio and language settings take effect when the kiosk restarts "
                        + "(systemctl restart kiosk)");
            }
            Serving next = Serving.of(loaded.config(), loaded.kiosk());
            StoreKiosk kiosk = next.kiosk();
            return new Verdict(java.util.Optional.of(next), "reloaded " + next.config().file() + " and the store '"
                    + kiosk.knowledge().name() + "' (" + kiosk.knowledge().products().size() + " products, "
                    + kiosk.knowledge().faqs().size() + " FAQ entries)"
                    + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
        }
        return new Verdict(java.util.Optional.empty(), "kept the last good configuration and knowledge: "
                + ((ReloadOutcome.Refused) outcome).reason());
    }
}
