package kiosk.app.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kiosk.app.KioskPaths;
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
}
