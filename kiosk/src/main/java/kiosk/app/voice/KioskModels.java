package kiosk.app.voice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import kiosk.app.KioskPaths;
import kiosk.app.service.OwnedThread;
import kiosk.model.ModelException;
import kiosk.model.generate.Generator;
import kiosk.model.generate.HuggingFaceTokenText;
import kiosk.model.generate.ModelPack;
import kiosk.model.generate.OnnxDecoder;
import kiosk.model.generate.PackException;
import kiosk.model.SentenceEncoder;
import kiosk.speech.FreeTtsSynthesizer;
import kiosk.speech.RecognizerOptions;
import kiosk.speech.SpeechModel;
import kiosk.speech.SpeechSynthesizer;
import kiosk.speech.VoiceSettings;
import org.tinylog.Logger;

/**
 * The three models of the kiosk, each loaded at most once, on first use, and closed in reverse order.
 *
 * <p>A subcommand that only transcribes never pays for the encoder, and one that only answers typed questions never
 * loads Vosk. Each model loads once even when asked from two threads; {@link #loadSpeechInBackground()} lets the
 * speech model and the voice load on the second core while the store is indexed.
 */
public final class KioskModels implements AutoCloseable {

    private final KioskPaths paths;
    private SpeechModel speechModel;
    private SentenceEncoder encoder;
    private SpeechSynthesizer synthesizer;
    private LoadedPack pack;
    private VoiceSettings configuredVoice = VoiceSettings.at(VoiceSettings.DEFAULT_LEVEL_DBFS);
    private volatile boolean closed;
    /** Set by {@link #loadSpeechInBackground()}: this process speaks, so knowledge loads prepare its recognizer. */
    private volatile boolean speechWanted;
    // one lock per model: the speech model and the voice load on a second core while the encoder indexes the store
    private final Object speechLock = new Object();
    private final Object encoderLock = new Object();
    private final Object synthesizerLock = new Object();
    private final Object packLock = new Object();
    /**
     * The one owner of the work done in the background (loading the speech model and the voice, preparing a store's
     * recognizer): two threads, so the speech model and the voice load side by side, and the grammar's preparation
     * takes the first one free; stopped and joined by {@link #close()} before any model is closed under them.
     */
    private final ExecutorService background = Executors.newFixedThreadPool(2, new BackgroundThreads());
    private static final Duration BACKGROUND_PATIENCE = Duration.ofSeconds(10);

    /** A generative model pack, loaded: its description, its decoder and tokenizer, and a generator over them. */
    public record LoadedPack(ModelPack pack, OnnxDecoder decoder, HuggingFaceTokenText tokens, Generator generator) {
        public String description() {
            return pack.name() + " " + pack.version() + " (" + pack.folder() + ")";
        }
    }

    public KioskModels(KioskPaths paths) {
        this.paths = paths;
    }

    public KioskPaths paths() {
        return paths;
    }

    public SpeechModel speechModel() {
        synchronized (speechLock) {
            return loadSpeechModel();
        }
    }

    private SpeechModel loadSpeechModel() {
        checkOpen();
        if (speechModel == null) {
            long start = System.nanoTime();
            speechModel = SpeechModel.load(paths.voskModel());
            Logger.info("speech model loaded from {} in {} ms", paths.voskModel(), millisSince(start));
        }
        return speechModel;
    }

    public SentenceEncoder encoder() {
        synchronized (encoderLock) {
            return loadEncoder();
        }
    }

    private SentenceEncoder loadEncoder() {
        checkOpen();
        if (encoder == null) {
            long start = System.nanoTime();
            encoder = SentenceEncoder.builder()
                    .modelFolder(paths.encoderModel())
                    .tokenizerCacheDir(paths.tokenizerCache())
                    .threads(Math.min(2, Runtime.getRuntime().availableProcessors()))
                    // a restart with the same store reads its product and FAQ vectors instead of encoding them again
                    .vectorCache(paths.state().resolve("cache").resolve("vectors"))
                    .build();
            Logger.info("sentence encoder loaded from {} in {} ms", paths.encoderModel(), millisSince(start));
        }
        return encoder;
    }

    public SpeechSynthesizer synthesizer() {
        synchronized (synthesizerLock) {
            return loadSynthesizer();
        }
    }

    /** The reply level of kiosk.conf ({@code audio.reply_level_dbfs}): every new shopper's voice starts from it. */
    public void replyLevel(int dbfs) {
        synchronized (synthesizerLock) {
            configuredVoice = VoiceSettings.at(dbfs);
        }
        resetVoice();
    }

    /** The configured level and rate again, for a new shopper; nothing to do before the voice is loaded. */
    public void resetVoice() {
        synchronized (synthesizerLock) {
            if (synthesizer != null) {
                synthesizer.voice(configuredVoice);
            }
        }
    }

    private SpeechSynthesizer loadSynthesizer() {
        checkOpen();
        if (synthesizer == null) {
            long start = System.nanoTime();
            synthesizer = FreeTtsSynthesizer.open(configuredVoice);
            Logger.info("speech synthesizer ready in {} ms", millisSince(start));
        }
        return synthesizer;
    }

    /**
     * The generative model pack named in the configuration ({@code models.pack}: a folder name under the models
     * folder, or a folder's path), loaded once. A pack that cannot be used is refused with one sentence through
     * {@code problems}, and the kiosk answers with its template answers.
     */
    public Optional<LoadedPack> pack(String nameOrFolder, Consumer<String> problems) {
        synchronized (packLock) { // reloads read the configuration on threads of their own
            return loadPack(nameOrFolder, problems);
        }
    }

    private Optional<LoadedPack> loadPack(String nameOrFolder, Consumer<String> problems) {
        checkOpen();
        if (nameOrFolder.equals("none")) {
            return Optional.empty();
        }
        Path folder = nameOrFolder.contains("/") ? Path.of(nameOrFolder) : paths.models().resolve(nameOrFolder);
        if (pack != null) {
            if (!pack.pack().folder().equals(folder)) {
                // a decoder may be speaking a reply right now: another pack is loaded on the next start
                problems.accept("models.pack is now " + nameOrFolder + "; the kiosk keeps " + pack.description()
                        + " until it restarts");
            }
            return Optional.of(pack);
        }
        if (!Files.isDirectory(folder)) {
            problems.accept("the model pack " + folder + " (models.pack: " + nameOrFolder + ") is not installed; "
                    + "answering with the template answers");
            return Optional.empty();
        }
        long start = System.nanoTime();
        OnnxDecoder decoder = null;
        try {
            ModelPack loaded = ModelPack.load(folder);
            decoder = loaded.openDecoder(Math.min(2, Runtime.getRuntime().availableProcessors()));
            HuggingFaceTokenText tokens = loaded.openTokenizer();
            pack = new LoadedPack(loaded, decoder, tokens, new Generator(decoder, tokens));
            Logger.info("model pack {} loaded in {} ms", pack.description(), millisSince(start));
            return Optional.of(pack);
        } catch (PackException | ModelException e) {
            if (decoder != null) {
                decoder.close();
            }
            problems.accept("the model pack in " + folder + " is refused: " + e.getMessage()
                    + " Answering with the template answers.");
            return Optional.empty();
        }
    }

    private void closePack() {
        pack.tokens().close();
        pack.decoder().close();
        pack = null;
    }

    /**
     * Starts loading the speech model and the voice, each on a background thread, so that the kiosk is ready sooner;
     * a later {@link #speechModel()} or {@link #synthesizer()} waits for it. A failure here is only logged: the call on the main thread meets it again
     * and reports it.
     */
    public void loadSpeechInBackground() {
        speechWanted = true;
        // each on a thread of its own: one after the other, the voice's loading was the end of the wait for ready
        // (the main thread waited 1.4-2.9 s for them; 0-0.26 s side by side, ready 0.84 of before pair by pair,
        // six pairs under load, BENCHMARKS.md "Cold start, fifth round"); the grammar's preparation queues behind
        inBackground(() -> {
            try {
                speechModel();
            } catch (RuntimeException e) {
                Logger.debug(e, "loading the speech model in the background failed");
            }
        });
        inBackground(() -> {
            try {
                synthesizer();
            } catch (RuntimeException e) {
                Logger.debug(e, "loading the voice in the background failed");
            }
        });
    }

    /** Runs {@code work} on a background thread; once the models are closing, not at all. */
    private void inBackground(Runnable work) {
        try {
            background.execute(work);
        } catch (RejectedExecutionException e) {
            Logger.debug("the models are closing: background work not started");
        }
    }

    /**
     * Builds the recognizer for {@code options} (the store's vocabulary, as the live path opens it) on a background
     * thread once the speech model and the voice are loaded, so that compiling the store's phrases into a grammar
     * happens as the kiosk becomes ready, or between turns after a reload, and not in the first shopper's turn. It is
     * ready when it can answer, not when the grammar is compiled: a turn that comes first is heard by the free decoder
     * alone ({@link SpeechModel.WhilePreparing#FREE_DECODER}, logged), and the store's recognizer takes the turns
     * from the moment it is built. Only in a process that speaks (one that called {@link #loadSpeechInBackground()}):
     * typed questions never load the speech model for it. Once it is ready the recognizers kept for other store
     * vocabularies (a reload's old store) are freed. A failure is only logged: the turn meets it again and reports it.
     *
     * <p>{@code options} are worked out on that thread too, first, while the main thread waits for the speech model:
     * the store's ~10,000 phrases took the main thread 60-100 ms of a cold start (BENCHMARKS.md, "Cold start: the
     * store step"); a process that does not speak never works them out.
     *
     * @return done when the recognizer is kept ready (or its building failed, or nothing was to be done); never, when
     *         the models close first (nobody asks for a recognizer then)
     */
    public CompletableFuture<Void> prepareRecognition(Supplier<RecognizerOptions> options) {
        CompletableFuture<Void> prepared = new CompletableFuture<>();
        if (!speechWanted || closed) {
            prepared.complete(null);
            return prepared;
        }
        inBackground(() -> {
            try {
                long start = System.nanoTime();
                RecognizerOptions recognition = options.get();
                SpeechModel speech = speechModel();
                // after the voice too: the kiosk is ready once both are loaded, and on two cores compiling the
                // grammar beside them delayed ready (CPU time to ready 3.55 s against 3.08 s without it, median of
                // five, loaded machine), not the grammar's own readiness (11.2 s and 11.3 s there)
                synthesizer();
                speech.prepare(recognition, SpeechModel.WhilePreparing.FREE_DECODER);
                // a reload's new vocabulary replaces the old store's: its recognizer is not asked for again
                speech.releaseBiasedExcept(recognition);
                Logger.info("the store's grammar recognizer ({} phrases) is ready, {} ms after it was asked for; "
                        + "turns are heard with it from now on", recognition.phrases().size(), millisSince(start));
            } catch (RuntimeException e) {
                Logger.warn("the recognizer for the store's phrases could not be prepared: {}", e.getMessage());
            } finally {
                prepared.complete(null);
            }
        });
        return prepared;
    }

    /** Closes what was loaded, last loaded first, once the background work has stopped; safe to call twice. */
    @Override
    public void close() {
        if (!OwnedThread.stopAndJoin(background, BACKGROUND_PATIENCE)) {
            Logger.warn("background model work did not stop within {} s; closing the models anyway",
                    BACKGROUND_PATIENCE.toSeconds());
        }
        synchronized (speechLock) {
            synchronized (encoderLock) {
                synchronized (synthesizerLock) {
                    synchronized (packLock) {
                        closeAll();
                    }
                }
            }
        }
    }

    private void closeAll() {
        if (closed) {
            return;
        }
        closed = true;
        if (pack != null) {
            closePack();
        }
        if (synthesizer != null) {
            synthesizer.close();
        }
        if (encoder != null) {
            encoder.close();
        }
        if (speechModel != null) {
            speechModel.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the kiosk models are already closed");
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Daemon threads named for what they do, so a thread dump or a CPU-by-thread table says whose they are. */
    private static final class BackgroundThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "kiosk-model-loader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
