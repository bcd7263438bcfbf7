package kiosk.speech;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
    private final ExecutorService returns = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "kiosk-recognizer-return");
        thread.setDaemon(true);
        return thread;
    });
    private static final long RETURN_PATIENCE_SECONDS = 10;
    private boolean closed;

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
        }
        ReusableRecognizer recognizer = kept.orElseGet(() -> create.apply(options));
        try {
            recognizer.reset(options.endOfSpeech());
        } catch (RuntimeException e) {
            recognizer.close();
            throw e;
        }
        return new Lease(kind, recognizer);
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
