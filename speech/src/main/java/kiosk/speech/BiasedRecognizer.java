package kiosk.speech;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.tinylog.Logger;

/**
 * A free and a grammar recognizer on the same audio. The grammar decoder hears the store's phrases almost word for
 * word, even in a robotic voice, but forces everything into them; the free decoder hears anything, with slips. The
 * grammar result wins when it accounts for the utterance (few "[unk]" words) with high confidence, unless the free
 * decoder is itself near certain: then the shopper most likely said something the store never listed ("where are the
 * bananas" must not become "where are the bin hammers"), and the free result stands.
 *
 * <p>The two decoders run at the same time (a Raspberry Pi has four cores): the grammar decoder on a
 * {@link DecoderThread} this recognizer owns, the free decoder on the caller's thread, whose partial text is what
 * the display shows and the end of speech is judged by. Nothing needs the grammar decoder before the end of the
 * utterance, so {@link #accept} hands it the chunk and does not wait for it: a chunk costs the caller the free
 * decoder alone, never the slower of the two (when the machine is busy, the grammar decoder's step can end after the
 * free decoder's), and the grammar decoder catches up while the caller waits for the next chunk; {@link #finish}
 * waits for it. An exception of the grammar decoder is thrown by the next {@link #accept} or by {@link #finish} in the
 * caller's thread; {@link #close} stops and joins the thread.
 */
final class BiasedRecognizer implements ReusableRecognizer {

    static final double GRAMMAR_MIN_CONFIDENCE = 0.80;
    static final double GRAMMAR_MAX_UNKNOWN_SHARE = 0.25;
    static final double FREE_CERTAIN = 0.98;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final VoskRecognizer free;
    private final VoskRecognizer grammar;
    private final Endpointer endpointer;
    private final DecoderThread grammarThread;
    // the grammar decoder's final step, made once; its result passes through a field, ordered by the thread's
    // await (each chunk's step carries its chunk: a small object per 100 ms of audio)
    private final Runnable grammarFinish;
    private Transcript grammarResult;
    private boolean finished;
    private boolean closed;
    // for the debug log of each utterance's end: the audio's length and the grammar decoder's last step's CPU time
    private long audioMillis;
    private volatile long grammarStepCpuNanos;

    /** Both recognizers must be opened without endpointing: this one decides for both. Starts the grammar thread. */
    BiasedRecognizer(VoskRecognizer free, VoskRecognizer grammar, EndOfSpeech endOfSpeech) {
        this.free = free;
        this.grammar = grammar;
        this.endpointer = new Endpointer(endOfSpeech);
        this.grammarFinish = () -> {
            long cpu = THREADS.getCurrentThreadCpuTime();
            grammarResult = this.grammar.finishWithUnknown();
            grammarStepCpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
        };
        this.grammarThread = new DecoderThread("grammar decoder");
    }

    @Override
    public RecognitionEvent accept(AudioChunk chunk) {
        checkUnfinished();
        VoskRecognizer.checkFormat(chunk);
        audioMillis += chunk.durationMillis();
        grammarThread.start(() -> grammar.accept(chunk)); // not awaited: see the class comment
        RecognitionEvent fromFree;
        try {
            fromFree = free.accept(chunk);
        } catch (RuntimeException e) {
            throw awaitGrammarAfter(e);
        }
        // the free decoder's text so far (what the display shows) says how much silence ends it
        String heard = fromFree instanceof RecognitionEvent.Partial partial ? partial.text() : "";
        if (endpointer.accept(chunk, heard)) {
            return new RecognitionEvent.Endpoint(finish(), endpointer.endedEarly(),
                    endpointer.noiseFloor());
        }
        return fromFree;
    }

    @Override
    public Transcript finish() {
        checkUnfinished();
        finished = true;
        long start = System.nanoTime();
        grammarThread.start(grammarFinish); // after the chunks it has not decoded yet
        Transcript fromFree;
        long freeCpu = THREADS.getCurrentThreadCpuTime();
        try {
            fromFree = free.finish();
        } catch (RuntimeException e) {
            throw awaitGrammarAfter(e);
        }
        freeCpu = THREADS.getCurrentThreadCpuTime() - freeCpu;
        grammarThread.await();
        Logger.debug("final result after {} ms of audio: {} ms; CPU free {} ms, grammar {} ms", audioMillis,
                millis(System.nanoTime() - start), millis(freeCpu), millis(grammarStepCpuNanos));
        Transcript fromGrammar = grammarResult;
        grammarResult = null;
        return choose(fromFree, fromGrammar);
    }

    /** The grammar thread is never left running: waits for its steps, keeping its failure beside the free one's. */
    private RuntimeException awaitGrammarAfter(RuntimeException freeFailure) {
        try {
            grammarThread.await();
        } catch (RuntimeException e) {
            freeFailure.addSuppressed(e);
        }
        return freeFailure;
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static Transcript choose(Transcript free, Transcript grammarWithUnknown) {
        long unknown = grammarWithUnknown.words().stream().filter(w -> VoskRecognizer.UNKNOWN.equals(w.text())).count();
        int total = grammarWithUnknown.words().size();
        Transcript grammar = VoskRecognizer.withoutUnknown(grammarWithUnknown);
        if (free.confidence() >= FREE_CERTAIN && free.words().size() >= 2) {
            return free.withRival(grammar);
        }
        boolean grammarExplainsIt = total > 0 && !grammar.isEmpty()
                && unknown <= GRAMMAR_MAX_UNKNOWN_SHARE * total
                && grammar.confidence() >= GRAMMAR_MIN_CONFIDENCE;
        return grammarExplainsIt ? grammar.withRival(free) : free.withRival(grammar);
    }

    @Override
    public void reset(EndOfSpeech endOfSpeech) {
        checkOpen();
        try {
            grammarThread.await(); // an utterance given back unfinished can leave chunks to decode
        } catch (SpeechException e) {
            throw new SpeechException("the grammar decoder failed; this recognizer cannot be reused", e);
        }
        if (!grammarThread.healthy()) {
            throw new SpeechException("the grammar decoder failed; this recognizer cannot be reused");
        }
        // decoders are reset on the caller's thread: the grammar thread is idle (every step was awaited)
        free.reset(EndOfSpeech.OFF);
        grammar.reset(EndOfSpeech.OFF);
        endpointer.restart(endOfSpeech);
        finished = false;
        audioMillis = 0;
    }

    /** The free decoder's graph cache (see {@link VoskRecognizer#dropGraphCache}); the grammar decoder keeps its own. */
    @Override
    public boolean dropGraphCache() {
        checkOpen();
        return free.dropGraphCache();
    }

    /** Whether the grammar decoder's thread is running (until {@link #close}). */
    boolean grammarThreadAlive() {
        return grammarThread.isAlive();
    }

    /** Stops and joins the grammar thread, then frees both decoders; safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            free.close();
        } finally {
            try {
                grammarThread.close();
                grammar.close();
            } catch (SpeechException e) {
                // its thread is stuck inside the decoder: freeing the decoder under it would crash the process
                Logger.error("{}", e.getMessage());
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this recognizer is closed");
        }
    }

    private void checkUnfinished() {
        checkOpen();
        if (finished) {
            throw new IllegalStateException("this utterance is finished; close this recognizer and open one for the "
                    + "next utterance");
        }
    }
}
