package kiosk.app.voice;

import kiosk.app.KioskPaths;
import kiosk.model.SentenceEncoder;
import kiosk.speech.FreeTtsSynthesizer;
import kiosk.speech.SpeechModel;
import kiosk.speech.SpeechSynthesizer;
import org.tinylog.Logger;

/**
 * The three models of the kiosk, each loaded at most once, on first use, and closed in reverse order.
 *
 * <p>A subcommand that only transcribes never pays for the encoder, and one that only answers typed questions never
 * loads Vosk. Not thread-safe for loading: the kiosk loads from its main thread before serving.
 */
public final class KioskModels implements AutoCloseable {

    private final KioskPaths paths;
    private SpeechModel speechModel;
    private SentenceEncoder encoder;
    private SpeechSynthesizer synthesizer;
    private boolean closed;

    public KioskModels(KioskPaths paths) {
        this.paths = paths;
    }

    public KioskPaths paths() {
        return paths;
    }

    public SpeechModel speechModel() {
        checkOpen();
        if (speechModel == null) {
            long start = System.nanoTime();
            speechModel = SpeechModel.load(paths.voskModel());
            Logger.info("speech model loaded from {} in {} ms", paths.voskModel(), millisSince(start));
        }
        return speechModel;
    }

    public SentenceEncoder encoder() {
        checkOpen();
        if (encoder == null) {
            long start = System.nanoTime();
            encoder = SentenceEncoder.builder()
                    .modelFolder(paths.encoderModel())
                    .tokenizerCacheDir(paths.tokenizerCache())
                    .threads(Math.min(2, Runtime.getRuntime().availableProcessors()))
                    .build();
            Logger.info("sentence encoder loaded from {} in {} ms", paths.encoderModel(), millisSince(start));
        }
        return encoder;
    }

    public SpeechSynthesizer synthesizer() {
        checkOpen();
        if (synthesizer == null) {
            long start = System.nanoTime();
            synthesizer = FreeTtsSynthesizer.open();
            Logger.info("speech synthesizer ready in {} ms", millisSince(start));
        }
        return synthesizer;
    }

    /** Closes what was loaded, last loaded first; safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
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
}
