package kiosk.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.tinylog.Logger;
import org.vosk.Model;

/**
 * A loaded Vosk model. Load it once and share it between threads; open one {@link StreamingRecognizer} per
 * utterance and close it when the utterance is done. Behind that, the model keeps the recognizers it built and
 * resets them for the next utterance of the same kind (see {@link RecognizerPool}): a grammar is compiled into a
 * decoder once per set of phrases, not per utterance. Closing frees the native model and the kept recognizers.
 */
public final class SpeechModel implements AutoCloseable {

    /** A decoder search other than the kiosk's, for benchmarks: see {@link #load(Path)}. */
    public static final String SEARCH_PROPERTY = "kiosk.speech.search";

    private static final List<String> REQUIRED = List.of("am/final.mdl", "conf/model.conf", "graph");

    private final Path folder;
    private final Model model;
    private final DecoderSearch search;
    private final Set<String> knownWords = ConcurrentHashMap.newKeySet();
    private final Set<String> unknownWords = ConcurrentHashMap.newKeySet();
    /**
     * Grammars already prepared, the few most recent: a command grammar of thousands of sentences takes ~100 ms to
     * normalize and check word by word, and every utterance opens a recognizer with the same one.
     */
    private final Map<GrammarKey, String> grammars = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<GrammarKey, String> eldest) {
            return size() > PREPARED_GRAMMARS;
        }
    };
    private final RecognizerPool recognizers = new RecognizerPool();
    /** Where the utterances' end-of-turn verdicts are worked ahead ({@link #judgedAhead}). */
    private final TurnJudge turnJudge = TurnJudge.start();
    /** The kinds being built by {@link #prepare}, each done when its recognizer is kept. */
    private final Map<RecognizerPool.Kind, Preparation> preparing = new ConcurrentHashMap<>();
    private final AtomicInteger builtCount = new AtomicInteger();
    private final AtomicInteger heardFreeMeanwhile = new AtomicInteger();
    private volatile boolean closed;

    private static final int PREPARED_GRAMMARS = 8;
    private static final Pattern AROUND_UNKNOWN = Pattern.compile(
            "(?=\\[unk\\])|(?<=\\[unk\\])");

    private record GrammarKey(List<String> phrases, double outOfGrammar) {
    }

    /**
     * What an utterance opened while its store-biased recognizer is still being prepared gets (see {@link #prepare}).
     */
    public enum WhilePreparing {
        /** It waits for the recognizer: every utterance is heard with the store's grammar (benchmarks, tests). */
        WAIT,
        /**
         * It is heard by a free decoder alone, at once: the kiosk answers from the moment its models are loaded,
         * hearing store words a little less surely while the store's grammar compiles (the demo store's 10,681
         * phrases: a few hundred milliseconds of CPU on this x86 machine, several times that on a Raspberry Pi),
         * instead of making its first shopper wait. Only a biased recognizer is stood in for (a command grammar's
         * utterances still wait). The free recognizer built for that is freed once the grammar's is ready.
         */
        FREE_DECODER
    }

    /** One {@link #prepare} in progress: done when its recognizer is kept; whether free decoders stood in meanwhile. */
    private record Preparation(CompletableFuture<Void> done, WhilePreparing meanwhile, AtomicInteger freeTurns) {
    }

    private SpeechModel(Path folder, Model model, DecoderSearch search) {
        this.folder = folder;
        this.model = model;
        this.search = search;
    }

    /**
     * Loads the model folder (e.g. {@code vosk-model-en-us} with {@code am/}, {@code conf/}, {@code graph/}) with the
     * kiosk's decoder search ({@link DecoderSearch#KIOSK}), or the one the system property
     * {@value #SEARCH_PROPERTY} gives ({@link DecoderSearch#parse}: {@code max-active=1000,beam=8}), which is how the
     * benchmarks compare settings ({@code KIOSK_JAVA_OPTS=-Dkiosk.speech.search=… bin/kiosk bench latency}).
     *
     * @throws SpeechException naming the folder and what is missing, or that the native library is absent
     */
    public static SpeechModel load(Path folder) {
        String other = System.getProperty(SEARCH_PROPERTY, "").strip();
        return load(folder, other.isEmpty() ? DecoderSearch.KIOSK : DecoderSearch.parse(other));
    }

    /**
     * Loads the model folder with this decoder search for all its recognizers, whatever its {@code conf/model.conf}
     * says (see {@link DecoderSearch}).
     *
     * @throws SpeechException naming the folder and what is missing, or that the native library is absent
     */
    public static SpeechModel load(Path folder, DecoderSearch search) {
        if (!Files.isDirectory(folder)) {
            throw new SpeechException("the speech model folder " + folder + " does not exist; expected a Vosk model "
                    + "folder with " + String.join(", ", REQUIRED) + " (the build unpacks one into target/models).");
        }
        for (String part : REQUIRED) {
            if (!Files.exists(folder.resolve(part)) || !Files.isReadable(folder.resolve(part))) {
                throw new SpeechException("the speech model folder " + folder + " has no readable " + part
                        + "; expected a complete Vosk model folder (" + String.join(", ", REQUIRED) + ").");
            }
        }
        VoskNatives.load();
        Optional<Path> overlay;
        try {
            overlay = search.overlay(folder);
        } catch (IOException e) {
            throw new SpeechException("could not set the decoder search (" + search + ") for the speech model in "
                    + folder + ": " + e.getMessage() + " (it needs a writable temporary folder, java.io.tmpdir)", e);
        }
        Path loadFrom = overlay.orElse(folder);
        try {
            // what Vosk reads, read back: a test checks the kiosk's decoders search as chosen
            DecoderSearch loaded = DecoderSearch.readConf(loadFrom.resolve("conf").resolve("model.conf"));
            return new SpeechModel(folder, new Model(loadFrom.toString()), loaded);
        } catch (IOException e) {
            throw new SpeechException("Vosk could not load the speech model in " + folder
                    + "; its files may be corrupt (" + e.getMessage() + ").", e);
        } finally {
            // Vosk has read every file by the time the model is loaded (Model::ReadDataFiles); nothing is left behind
            if (overlay.isPresent()) {
                try {
                    DecoderSearch.deleteOverlay(overlay.get());
                } catch (IOException e) {
                    Logger.warn("could not delete the speech model's search overlay {}: {}", overlay.get(),
                            e.getMessage());
                }
            }
        }
    }

    public Path folder() {
        return folder;
    }

    /** The decoder search its recognizers run with, as read from the {@code model.conf} Vosk loaded. */
    public DecoderSearch search() {
        return search;
    }

    /**
     * Opens a recognizer for one utterance; close it when the utterance is done. The first of its kind (free, or a
     * grammar's phrases) is built, with its grammar compiled; later ones reuse it, reset. While a store-biased
     * recognizer of this kind is being prepared, the utterance waits for it, or, when that preparation said
     * {@link WhilePreparing#FREE_DECODER}, is heard at once by a free decoder alone (the transcript then has no rival).
     */
    public StreamingRecognizer open(RecognizerOptions options) {
        checkOpen();
        RecognizerPool.Kind kind = RecognizerPool.Kind.of(options);
        Preparation pending = preparing.get(kind);
        if (pending != null) {
            if (pending.meanwhile() == WhilePreparing.FREE_DECODER && options.mode() == RecognizerOptions.Mode.BIASED
                    && !recognizers.keeps(kind)) {
                pending.freeTurns().incrementAndGet();
                heardFreeMeanwhile.incrementAndGet();
                Logger.info("the store's grammar ({} phrases) is still being compiled: this utterance is heard by the "
                        + "free decoder alone", options.phrases().size());
                return recognizers.open(RecognizerOptions.free().withEndOfSpeech(options.endOfSpeech()), this::build);
            }
            pending.done().join();
        }
        return recognizers.open(options, this::build);
    }

    /**
     * Builds the recognizer for these options now, when a store's knowledge is loaded, so that the first shopper
     * does not wait for its grammar to compile; when it returns, one is kept ready. Options that differ only in
     * their endpointing make the same recognizer (endpointing is set per utterance). While it is being built, an
     * {@link #open} of the same kind waits for it rather than compiling a second one beside it, and so does a second
     * {@code prepare}.
     */
    public void prepare(RecognizerOptions options) {
        prepare(options, WhilePreparing.WAIT);
    }

    /**
     * As {@link #prepare(RecognizerOptions)}; {@code meanwhile} says what an {@link #open} of this kind gets while it
     * is being built: {@link WhilePreparing#FREE_DECODER} lets the kiosk answer before its grammar is compiled.
     */
    public void prepare(RecognizerOptions options, WhilePreparing meanwhile) {
        prepare(options, meanwhile, () -> { });
    }

    /**
     * As {@link #prepare(RecognizerOptions, WhilePreparing)}; {@code beforeBuilding} runs once it is registered, so a
     * test can hold the building back until its utterance was heard.
     */
    void prepare(RecognizerOptions options, WhilePreparing meanwhile, Runnable beforeBuilding) {
        checkOpen();
        RecognizerPool.Kind kind = RecognizerPool.Kind.of(options);
        Preparation mine = new Preparation(new CompletableFuture<>(), meanwhile, new AtomicInteger());
        Preparation theirs = preparing.putIfAbsent(kind, mine);
        if (theirs != null) {
            theirs.done().join();
            return;
        }
        try {
            beforeBuilding.run();
            recognizers.open(options, this::build).close();
        } finally {
            preparing.remove(kind, mine);
            // done, built or not: a failed build is met again, and reported, by the next open
            mine.done().complete(null);
        }
        if (mine.freeTurns().get() > 0) {
            // the free recognizer stood in for this one: the store's has a free decoder of its own, so this one's
            // decoder and graph cache would only take memory (it is built again should a free utterance come)
            recognizers.closeIdle(idle -> idle.mode() == RecognizerOptions.Mode.FREE);
            Logger.info("the store's grammar is ready; {} utterances were heard by the free decoder alone before it",
                    mine.freeTurns().get());
        }
    }

    /**
     * Frees the kept recognizers biased toward other phrases than {@code current}'s. After a reload the old store's
     * vocabulary is not asked for again, and its recognizer (two decoders with their graph caches) would otherwise
     * stay until {@link RecognizerPool#KINDS_KEPT} newer kinds pushed it out; should it be asked for after all, it
     * is built again.
     */
    public void releaseBiasedExcept(RecognizerOptions current) {
        checkOpen();
        RecognizerPool.Kind keep = RecognizerPool.Kind.of(current);
        recognizers.closeIdle(kind -> kind.mode() == RecognizerOptions.Mode.BIASED && !kind.equals(keep));
    }

    /** Whether a recognizer of these options' kind is being prepared now, for tests. */
    boolean preparing(RecognizerOptions options) {
        return preparing.containsKey(RecognizerPool.Kind.of(options));
    }

    private ReusableRecognizer build(RecognizerOptions options) {
        long start = System.nanoTime();
        ReusableRecognizer built = switch (options.mode()) {
            case FREE -> VoskRecognizer.free(this, options.endOfSpeech());
            case GRAMMAR -> VoskRecognizer.grammar(this, grammar(options), options.endOfSpeech(),
                    options.alternatives());
            case BIASED -> biased(options);
        };
        builtCount.incrementAndGet();
        Logger.debug("{} recognizer of {} phrases built in {} ms", options.mode(), options.phrases().size(),
                (System.nanoTime() - start) / 1_000_000);
        return built;
    }

    private BiasedRecognizer biased(RecognizerOptions options) {
        VoskRecognizer free = VoskRecognizer.free(this, EndOfSpeech.OFF);
        try {
            // nobody shows the grammar decoder's partial text: it only decodes until the end
            // the grammar decoder's n-best readings (options.alternatives()) say how sure it is of a store phrase
            return new BiasedRecognizer(free, VoskRecognizer.grammar(this, grammar(options), EndOfSpeech.OFF,
                    options.alternatives(), false), options.endOfSpeech());
        } catch (RuntimeException e) {
            free.close();
            throw e;
        }
    }

    /**
     * The words of these phrases that the model cannot recognize (Vosk silently drops them from a grammar), so the
     * store can be told to give spoken aliases ("double a" for "AA").
     */
    public Set<String> unknownWords(Collection<String> phrases) {
        checkOpen();
        Set<String> unknown = new LinkedHashSet<>();
        for (String phrase : phrases) {
            for (String word : SpokenForm.normalize(phrase, true).split(" ")) {
                if (!word.isEmpty() && !knows(word)) {
                    unknown.add(word);
                }
            }
        }
        return unknown;
    }

    /**
     * How many utterances were heard by a free decoder alone because their store's grammar was still being compiled
     * ({@link WhilePreparing#FREE_DECODER}), since loading: {@code bench startup} reports it.
     */
    public int heardBeforeGrammar() {
        return heardFreeMeanwhile.get();
    }

    /** How many recognizers are kept idle, for tests. */
    int keptRecognizers() {
        return recognizers.idleCount();
    }

    /**
     * How many recognizers were built since loading: tests and {@code bench startup} check with it that the first
     * turn after a knowledge load found its recognizer prepared.
     */
    public int recognizersBuilt() {
        return builtCount.get();
    }

    Model vosk() {
        checkOpen();
        return model;
    }

    /** The options' grammar as Vosk takes it, prepared once for as long as it is in use. */
    private String grammar(RecognizerOptions options) {
        GrammarKey key = new GrammarKey(options.phrases(), options.outOfGrammar());
        synchronized (grammars) {
            return grammars.computeIfAbsent(key,
                    k -> VoskRecognizer.grammarJson(grammarOf(k.phrases()), k.outOfGrammar()));
        }
    }

    /**
     * The phrases as Vosk wants them: normalized, words the model lacks removed, "[unk]" (speech outside the
     * grammar, as a phrase's slot: "where is the [unk]") kept. Repeats are kept: Vosk estimates the grammar's word
     * statistics from its phrases, so a phrase given twice is twice as likely.
     */
    List<String> grammarOf(Collection<String> phrases) {
        List<String> grammar = new ArrayList<>();
        for (String phrase : phrases) {
            StringBuilder kept = new StringBuilder();
            // most phrases hold no "[unk]": the split's pattern is not run for them
            String[] parts = phrase.contains(VoskRecognizer.UNKNOWN) ? AROUND_UNKNOWN.split(phrase)
                    : new String[] {phrase};
            for (String part : parts) {
                String[] words = part.equals(VoskRecognizer.UNKNOWN) ? new String[] {part}
                        : SpokenForm.normalize(part, true).split(" ");
                for (String word : words) {
                    if (!word.isEmpty() && (word.equals(VoskRecognizer.UNKNOWN) || knows(word))) {
                        kept.append(kept.isEmpty() ? "" : " ").append(word);
                    }
                }
            }
            if (!kept.isEmpty()) {
                grammar.add(kept.toString());
            }
        }
        return List.copyOf(grammar);
    }

    private boolean knows(String word) {
        if (knownWords.contains(word)) {
            return true;
        }
        if (unknownWords.contains(word)) {
            return false;
        }
        boolean known = VoskNatives.findWord(model, word) >= 0;
        (known ? knownWords : unknownWords).add(word);
        return known;
    }

    /**
     * {@code judge} worked ahead on this model's end-of-turn judge thread (see {@link TurnJudge#aside}), which
     * {@link #close} stops. One per utterance.
     */
    public TurnCompleteness judgedAhead(TurnCompleteness judge) {
        return turnJudge.aside(judge);
    }

    /** Stops the end-of-turn judge, frees the kept recognizers and the native model; safe to call twice. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            turnJudge.close();
            recognizers.close();
            model.close();
            Logger.debug("speech model {} closed", folder);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the speech model " + folder + " is closed");
        }
    }
}
