package kiosk.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import kiosk.app.KioskPaths;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.SpokenTurn;
import kiosk.app.voice.StoreKiosk;
import kiosk.hardware.ConsolePanel;
import kiosk.speech.Audio;
import kiosk.speech.Transcript;
import kiosk.speech.WavFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiosk run} confirms a product that only the store-biased grammar decoder heard, as {@code listen} does: the
 * recognizer's evidence travels with the text through the appliance loop to the understanding. Real audio (FreeTTS),
 * real recognition: a question for something the store does not sell, which the grammar forces into a product.
 */
class SpokenConfirmationTest {

    /**
     * The demo store sells no bicycles; its grammar hears "do you sell tools" (and finds the Garage Hooks for bikes),
     * the free decoder something else. ("where's the milk", heard as "where is the ice melt" before, is now heard as a
     * question about something outside the grammar: its questions hold "[unk]" where a product goes.)
     */
    private static final String QUESTION = "do you sell bicycles";
    private static final String CONFIRMATION = "Do you mean the Garage Hooks?";

    @Test
    void aProductOnlyTheGrammarHeardIsConfirmedInTheApplianceLoopAsInListen(@TempDir Path dir) throws IOException {
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), dir);
        try (KioskModels models = new KioskModels(paths)) {
            Audio clip = models.synthesizer().speakAll(QUESTION).append(Audio.silence(300));
            StoreKiosk kiosk = StoreKiosk.open(paths.store(), models, problem -> { });

            // what `kiosk listen` does with the clip: the grammar alone heard the product, and it is confirmed
            SpokenTurn listened = kiosk.voiceTurns().take(clip, kiosk.newSession(), chunk -> { });
            Transcript heard = listened.transcript();
            assertEquals(Transcript.Source.GRAMMAR, heard.source(), heard.toString());
            assertTrue(heard.rival().isPresent(), "the free decoder's reading travels with the grammar's");
            assertNotEquals(heard.text(), heard.rival().get().text(), heard.toString());
            assertEquals(CONFIRMATION, listened.reply().answer(), heard.toString());

            // the appliance loop, on the same clip: the same question back, no aisle until the shopper says yes
            Path wav = dir.resolve("question.wav");
            WavFile.write(wav, clip);
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            ConsolePanel panel = new ConsolePanel(new ByteArrayInputStream((wav + "\nyes\n/quit\n")
                    .getBytes(StandardCharsets.UTF_8)), out, 80);
            KioskLoop loop = new KioskLoop(panel, kiosk, models, Replies.toFiles(dir.resolve("replies")), out);
            assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(60), loop::run));
            String shown = screen.toString(StandardCharsets.UTF_8);
            int asked = shown.indexOf(CONFIRMATION);
            assertTrue(asked >= 0, shown);
            assertTrue(shown.contains("-> clarify"), shown);
            assertFalse(shown.substring(0, asked).contains("AISLE"), "no fact before the shopper says yes: " + shown);
            assertTrue(shown.indexOf("AISLE 19", asked) > asked, "the shopper's yes gets the answer: " + shown);
        }
    }

    @Test
    void typedTextIsAnsweredAsMeant(@TempDir Path dir) throws IOException {
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), dir);
        try (KioskModels models = new KioskModels(paths)) {
            StoreKiosk kiosk = StoreKiosk.open(paths.store(), models, problem -> { });
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            ConsolePanel panel = new ConsolePanel(new ByteArrayInputStream("where is the ice melt\n/quit\n"
                    .getBytes(StandardCharsets.UTF_8)), out, 80);
            KioskLoop loop = new KioskLoop(panel, kiosk, models, Replies.toFiles(dir.resolve("replies")), out);
            assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(60), loop::run));
            String shown = screen.toString(StandardCharsets.UTF_8);
            assertTrue(shown.contains("AISLE 22"), "typed words carry no recognizer's doubt: " + shown);
            assertFalse(shown.contains(CONFIRMATION), shown);
        }
    }
}
