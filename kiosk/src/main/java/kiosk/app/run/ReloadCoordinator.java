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

    /**
     * What a reload comes to: what serves from now on (empty: what serves now stays), what to say, and whether the
     * files were accepted (a kiosk out of service whose store is refused again is given the new reason to show).
     */
    record Verdict(java.util.Optional<Serving> serving, String message, boolean accepted) {
    }

    /**
     * Judges what a reload read, against what serves now (some settings take effect only at a restart). A kiosk out of
     * service whose store is refused again stays out of service, with the new reason.
     */
    static Verdict judge(ReloadOutcome outcome, Serving current) {
        if (outcome instanceof ReloadOutcome.Loaded loaded) {
            List<String> notes = new ArrayList<>(loaded.notes());
            KioskConfig config = current.config();
            if (!loaded.config().panel().equals(config.panel()) || !loaded.config().audio().equals(config.audio())
                    || !loaded.config().models().language().equals(config.models().language())) {
                notes.add("panel, audio and language settings take effect when the kiosk restarts "
                        + "(systemctl restart kiosk)");
            }
            Serving next = Serving.of(loaded.config(), loaded.kiosk());
            StoreKiosk kiosk = loaded.kiosk();
            return new Verdict(java.util.Optional.of(next), "reloaded " + next.config().file() + " and the store '"
                    + kiosk.knowledge().name() + "' (" + kiosk.knowledge().products().size() + " products, "
                    + kiosk.knowledge().faqs().size() + " FAQ entries)"
                    + (current.outOfService().isPresent() ? "; back in service" : "")
                    + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)), true);
        }
        ReloadOutcome.Refused refused = (ReloadOutcome.Refused) outcome;
        if (current.outOfService().isPresent()) {
            java.util.Optional<Serving> still = refused.refusal()
                    .map(store -> new Serving(current.config(), store, current.voice()));
            return new Verdict(still, "still out of service: " + refused.reason(), false);
        }
        return new Verdict(java.util.Optional.empty(), "kept the last good configuration and knowledge: "
                + refused.reason(), false);
    }
}
