package kiosk.app.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import kiosk.app.KioskPaths;
import kiosk.speech.RecognizerOptions;
import kiosk.speech.Audio;
import kiosk.speech.Transcriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A knowledge load in a process that speaks prepares the recognizer for the store's vocabulary with the live path's
 * options, so the first shopper's turn builds none; the load also leaves the store's vectors in the state folder.
 */
class RecognizerPreparedAtLoadTest {

    @Test
    void theFirstTurnFindsTheStoresRecognizerPrepared(@TempDir Path state) throws Exception {
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), state);
        try (KioskModels models = new KioskModels(paths)) {
            models.loadSpeechInBackground(); // as kiosk run does
            List<String> problems = new ArrayList<>();
            StoreKiosk kiosk = StoreKiosk.open(paths.store(), models, problems::add);
            assertEquals(List.of(), problems);
            kiosk.recognizerPrepared().join();
            int built = models.speechModel().recognizersBuilt();
            assertEquals(1, built, "the store's recognizer, built at load");

            VoiceTurns voice = kiosk.voiceTurns();
            Audio question = models.synthesizer().speakAll("where is the duct tape").append(Audio.silence(300));
            SpokenTurn live = voice.take(Transcriber.source(question), true, kiosk.newSession(), chunk -> { });
            assertTrue(live.transcript().text().contains("tape"), live.transcript().text());
            voice.take(question, kiosk.newSession(), chunk -> { });
            assertEquals(built, models.speechModel().recognizersBuilt(), "the turns built no recognizer");
        }
        try (var files = Files.list(state.resolve("cache").resolve("vectors"))) {
            assertEquals(2, files.filter(f -> f.toString().endsWith(".vectors")).count(), "products and FAQs");
        }
    }

    /**
     * The store's phrase list (~10,000 phrases) is worked out on the loader thread that builds its recognizer, while
     * the main thread waits for the speech model, not on the main thread before it: and never in a process that
     * does not speak (typed questions, the answer benchmarks).
     */
    @Test
    void theStoresPhrasesAreWorkedOutOnTheLoaderThreadAndOnlyWhenTheProcessSpeaks(@TempDir Path state) {
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), state);
        RecognizerOptions options = VoiceTurns.live(RecognizerOptions.biased(List.of("duct tape", "claw hammer")));
        try (KioskModels typed = new KioskModels(paths)) {
            AtomicInteger asked = new AtomicInteger();
            typed.prepareRecognition(() -> {
                asked.incrementAndGet();
                return options;
            }).join();
            assertEquals(0, asked.get(), "a process that does not speak worked out the phrases");
        }
        try (KioskModels speaking = new KioskModels(paths)) {
            speaking.loadSpeechInBackground();
            AtomicReference<Thread> workedOutBy = new AtomicReference<>();
            speaking.prepareRecognition(() -> {
                workedOutBy.set(Thread.currentThread());
                return options;
            }).join();
            assertNotNull(workedOutBy.get(), "the phrases were never worked out");
            assertNotEquals(Thread.currentThread(), workedOutBy.get(), "worked out on the caller's thread");
            assertEquals(1, speaking.speechModel().recognizersBuilt(), "the recognizer for them was built");
        }
    }
}
