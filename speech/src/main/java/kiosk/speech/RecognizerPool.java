package kiosk.speech;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.tinylog.Logger;

/**
 * The recognizers a {@link SpeechModel} keeps between utterances, one idle recognizer per kind (free, or a grammar
 * with its phrases), the few most recently used kinds. A store's biased recognizer is thus built once per knowledge
 * load: a reload brings new phrases, hence a new kind, and the old store's recognizer is freed once
 * {@link #KINDS_KEPT} newer kinds were used. Hands out {@link StreamingRecognizer}s whose {@code close()} resets the
 * recognizer and gives it back; one that cannot be reset (a decoder failed) is freed instead.
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
    private boolean closed;

    /** A recognizer of this kind for one utterance: the idle one reset, or a new one made by {@code create}. */
    StreamingRecognizer open(RecognizerOptions options, Function<RecognizerOptions, ReusableRecognizer> create) {
        Kind kind = Kind.of(options);
        Optional<ReusableRecognizer> kept;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the speech model is closed");
            }
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

    private void giveBack(Kind kind, ReusableRecognizer recognizer) {
        try {
            recognizer.reset(EndOfSpeech.OFF); // the costly part now, while the reply is being made
        } catch (RuntimeException e) {
            Logger.warn("a recognizer could not be reset and is freed: {}", e.getMessage());
            recognizer.close();
            return;
        }
        List<ReusableRecognizer> toClose = new ArrayList<>();
        synchronized (this) {
            if (closed || idle.containsKey(kind)) { // two utterances at once made two: keep one
                toClose.add(recognizer);
            } else {
                idle.put(kind, recognizer);
            }
            toClose.addAll(evicted);
            evicted.clear();
        }
        toClose.forEach(ReusableRecognizer::close);
    }

    /** Frees the idle recognizers; those in use are freed when closed. Safe to call twice. */
    @Override
    public void close() {
        List<ReusableRecognizer> toClose;
        synchronized (this) {
            closed = true;
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
            idle.entrySet().removeIf(entry -> obsolete.test(entry.getKey()) && toClose.add(entry.getValue()));
        }
        toClose.forEach(ReusableRecognizer::close);
    }

    /** How many recognizers are idle, for tests. */
    synchronized int idleCount() {
        return idle.size();
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
