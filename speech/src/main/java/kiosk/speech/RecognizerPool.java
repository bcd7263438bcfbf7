package kiosk.speech;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.tinylog.Logger;

/**
 * The recognizers a {@link SpeechModel} keeps between utterances, one idle recognizer per kind (free, or a grammar
 * with its phrases), the few most recently used kinds. A store's biased recognizer is thus built once per knowledge
 * load: a reload brings new phrases, hence a new kind, and the old store's recognizer is freed once
 * {@link #KINDS_KEPT} newer kinds were used. Hands out {@link StreamingRecognizer}s whose {@code close()} gives the
 * recognizer back; one that cannot be reset (a decoder failed) is freed instead.
 *
 * <p>Giving back is done on a thread of the pool's own, off the shopper's path: resetting ends Vosk's utterance, a
 * free recognizer due for it is rebuilt with an empty graph cache (150–450 ms, see {@link VoskRecognizer}), and the
 * native heap's free pages are handed back to the system (3–50 ms). An {@link #open} of a kind being given back
 * waits for it (the next turn starts seconds later in practice) rather than building a second one.
 *
 * <p>Once no recognizer has been in use for {@link #IDLE_AFTER} (the shopper has gone), the pool tidies on the same
 * thread: the kept free decoders drop their graph caches ({@link ReusableRecognizer#dropGraphCache}; the cache a
 * day's questions composed can be tens of MB) and the native heap is trimmed, so that a kiosk waiting for its next
 * shopper holds about what it held when it was ready. Never while an utterance is heard: an {@link #open} cancels it,
 * and one that comes while it runs waits for it, as for a give-back.
 */
final class RecognizerPool implements AutoCloseable {

    /** Kinds kept idle: the store's biased recognizer, a command context's, a free one, and one for a reload. */
    static final int KINDS_KEPT = 4;

    /** What makes two recognizers interchangeable; endpointing is set per utterance. */
    record Kind(RecognizerOptions.Mode mode, List<String> phrases, double outOfGrammar, int alternatives) {
        static Kind of(RecognizerOptions options) {
            return switch (options.mode()) {
                case FREE -> new Kind(options.mode(), List.of(), 0, 1);
                case GRAMMAR -> new Kind(options.mode(), options.phrases(), options.outOfGrammar(),
                        options.alternatives());
                case BIASED -> new Kind(options.mode(), options.phrases(), options.outOfGrammar(),
                        options.alternatives());
            };
        }
    }

    private final List<ReusableRecognizer> evicted = new ArrayList<>();
    private final Map<Kind, ReusableRecognizer> idle = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Kind, ReusableRecognizer> eldest) {
            if (size() > KINDS_KEPT) {
                evicted.add(eldest.getValue());
                return true;
            }
            return false;
        }
    };
    /** Given back but not reset yet, by kind. */
    private final Map<Kind, Integer> returning = new HashMap<>();
    private final ScheduledThreadPoolExecutor returns = new ScheduledThreadPoolExecutor(1, work -> {
        Thread thread = new Thread(work, "kiosk-recognizer-return");
        thread.setDaemon(true);
        return thread;
    });
    private static final long RETURN_PATIENCE_SECONDS = 10;
    /**
     * How long no recognizer is in use before the pool tidies: longer than the pauses between one shopper's
     * questions (their reply is being spoken), so a conversation keeps its warm cache.
     */
    static final Duration IDLE_AFTER = Duration.ofSeconds(30);
    private final Duration idleAfter;
    /** Recognizers handed out and not given back yet. */
    private int inUse;
    /** Opens so far: a tidy scheduled after the {@code n}th runs only if no later open came. */
    private long opens;
    private ScheduledFuture<?> tidy;
    private int tidies;
    private boolean closed;

    RecognizerPool() {
        this(IDLE_AFTER);
    }

    /** A pool that tidies after {@code idleAfter} without a recognizer in use (tests: a shorter one). */
    RecognizerPool(Duration idleAfter) {
        this.idleAfter = idleAfter;
        returns.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // closing: no tidy is waited for
        returns.setRemoveOnCancelPolicy(true);
    }

    /** A recognizer of this kind for one utterance: the idle one reset, or a new one made by {@code create}. */
    StreamingRecognizer open(RecognizerOptions options, Function<RecognizerOptions, ReusableRecognizer> create) {
        Kind kind = Kind.of(options);
        Optional<ReusableRecognizer> kept;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the speech model is closed");
            }
            awaitReturn(kind);
            kept = Optional.ofNullable(idle.remove(kind));
            inUse++;
            opens++;
            if (tidy != null) {
                tidy.cancel(false); // a shopper is speaking: the tidy waits for the next idle spell
                tidy = null;
            }
        }
        ReusableRecognizer recognizer;
        try {
            recognizer = kept.orElseGet(() -> create.apply(options));
        } catch (RuntimeException | Error e) {
            released();
            throw e;
        }
        try {
            recognizer.reset(options.endOfSpeech());
        } catch (RuntimeException e) {
            recognizer.close();
            released();
            throw e;
        }
        return new Lease(kind, recognizer);
    }

    /** One recognizer handed out is back (or was never made): with none left in use, the idle tidy is scheduled. */
    private synchronized void released() {
        inUse--;
        if (inUse == 0 && !closed) {
            long since = opens;
            try {
                tidy = returns.schedule(() -> tidy(since), idleAfter.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                tidy = null; // closing
            }
        }
    }

    /**
     * On the pool's thread, once the kiosk has been idle: drops the kept recognizers' graph caches and trims the
     * native heap, unless a recognizer was opened since the tidy was scheduled. Recognizers being tidied count as
     * being given back, so an open of one waits for it.
     */
    private void tidy(long since) {
        List<Map.Entry<Kind, ReusableRecognizer>> taken;
        synchronized (this) {
            if (closed || inUse > 0 || opens != since) {
                return;
            }
            tidy = null;
            taken = new ArrayList<>(idle.entrySet()); // least recently used first: put back in that order
            idle.clear();
            taken.forEach(entry -> returning.merge(entry.getKey(), 1, Integer::sum));
        }
        long start = System.nanoTime();
        List<ReusableRecognizer> toClose = new ArrayList<>();
        List<Map.Entry<Kind, ReusableRecognizer>> kept = new ArrayList<>();
        int dropped = 0;
        for (Map.Entry<Kind, ReusableRecognizer> entry : taken) {
            try {
                dropped += entry.getValue().dropGraphCache() ? 1 : 0;
                kept.add(entry);
            } catch (RuntimeException e) {
                Logger.warn("a recognizer could not drop its graph cache and is freed: {}", e.getMessage());
                toClose.add(entry.getValue());
            }
        }
        synchronized (this) {
            taken.forEach(entry -> returning.computeIfPresent(entry.getKey(), (k, n) -> n > 1 ? n - 1 : null));
            for (Map.Entry<Kind, ReusableRecognizer> entry : kept) {
                if (closed || idle.containsKey(entry.getKey())) {
                    toClose.add(entry.getValue());
                } else {
                    idle.put(entry.getKey(), entry.getValue());
                }
            }
            tidies++;
            notifyAll();
        }
        toClose.forEach(ReusableRecognizer::close);
        NativeHeap.trim();
        Logger.debug("idle for {} s: {} graph caches dropped, native heap trimmed, in {} ms", idleAfter.toSeconds(),
                dropped, (System.nanoTime() - start) / 1_000_000);
    }

    /** How many idle tidies have run, for tests. */
    synchronized int tidies() {
        return tidies;
    }

    /** While a recognizer of this kind is being given back, waits for it (called holding this pool's monitor). */
    private void awaitReturn(Kind kind) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RETURN_PATIENCE_SECONDS);
        while (!idle.containsKey(kind) && returning.getOrDefault(kind, 0) > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return; // a reset that hangs: build another rather than never answering
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the caller is being stopped: take what there is, or build
                return;
            }
        }
    }

    private void giveBack(Kind kind, ReusableRecognizer recognizer) {
        synchronized (this) {
            returning.merge(kind, 1, Integer::sum);
        }
        try {
            returns.execute(() -> takeBack(kind, recognizer));
        } catch (RejectedExecutionException e) { // the pool is closing
            takeBack(kind, recognizer);
        }
    }

    /** On the pool's thread: resets the recognizer (rebuilding it when due) and keeps it, then trims the heap. */
    private void takeBack(Kind kind, ReusableRecognizer recognizer) {
        List<ReusableRecognizer> toClose = new ArrayList<>();
        boolean reset = false;
        try {
            recognizer.reset(EndOfSpeech.OFF);
            reset = true;
        } catch (RuntimeException e) {
            Logger.warn("a recognizer could not be reset and is freed: {}", e.getMessage());
            toClose.add(recognizer);
        }
        synchronized (this) {
            returning.computeIfPresent(kind, (k, count) -> count > 1 ? count - 1 : null);
            if (reset) {
                if (closed || idle.containsKey(kind)) { // two utterances at once made two: keep one
                    toClose.add(recognizer);
                } else {
                    idle.put(kind, recognizer);
                }
            }
            toClose.addAll(evicted);
            evicted.clear();
            notifyAll();
        }
        released();
        toClose.forEach(ReusableRecognizer::close);
        // the utterance's decoder state (and a rebuilt recognizer's graph cache) was freed to glibc, which keeps it
        // resident unless asked: ~15–25 MB fewer resident after a turn, for 3–50 ms of this thread, off the shopper's path
        long start = System.nanoTime();
        NativeHeap.trim();
        Logger.debug("native heap trimmed in {} µs", (System.nanoTime() - start) / 1000);
    }

    /**
     * Frees the idle recognizers, once those being given back are; those in use are freed when closed. Safe to call
     * twice.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        returns.shutdown();
        try {
            if (!returns.awaitTermination(RETURN_PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                Logger.warn("a recognizer was still being given back after {} s; freeing the others",
                        RETURN_PATIENCE_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ReusableRecognizer> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(idle.values());
            idle.clear();
        }
        toClose.forEach(ReusableRecognizer::close);
    }

    /**
     * Frees the idle recognizers of the kinds {@code obsolete} picks (a reloaded store's old vocabulary, never asked
     * for again); one in use stays until it is given back. Each holds native decoders and their graph caches.
     */
    void closeIdle(java.util.function.Predicate<Kind> obsolete) {
        List<ReusableRecognizer> toClose = new ArrayList<>();
        synchronized (this) {
            awaitAllReturns();
            idle.entrySet().removeIf(entry -> obsolete.test(entry.getKey()) && toClose.add(entry.getValue()));
        }
        toClose.forEach(ReusableRecognizer::close);
    }

    /** Whether a recognizer of this kind is kept idle or being given back: an open of it builds nothing. */
    synchronized boolean keeps(Kind kind) {
        return idle.containsKey(kind) || returning.getOrDefault(kind, 0) > 0;
    }

    /** How many recognizers are idle once those being given back are, for tests. */
    synchronized int idleCount() {
        awaitAllReturns();
        return idle.size();
    }

    private void awaitAllReturns() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RETURN_PATIENCE_SECONDS);
        while (!returning.isEmpty() && System.nanoTime() < deadline) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, deadline - System.nanoTime()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One utterance's use of a kept recognizer. */
    private final class Lease implements StreamingRecognizer {

        private final Kind kind;
        private final ReusableRecognizer recognizer;
        private boolean closed;

        Lease(Kind kind, ReusableRecognizer recognizer) {
            this.kind = kind;
            this.recognizer = recognizer;
        }

        @Override
        public RecognitionEvent accept(AudioChunk chunk) {
            checkOpen();
            return recognizer.accept(chunk);
        }

        @Override
        public Transcript finish() {
            checkOpen();
            return recognizer.finish();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                giveBack(kind, recognizer);
            }
        }

        private void checkOpen() {
            if (closed) {
                throw new IllegalStateException("this recognizer is closed");
            }
        }
    }
}
