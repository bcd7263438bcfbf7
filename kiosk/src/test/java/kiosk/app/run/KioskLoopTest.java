package kiosk.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import kiosk.app.KioskPaths;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import kiosk.hardware.ConsolePanel;
import kiosk.speech.Audio;
import kiosk.speech.WavFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The appliance loop on the console panel, with the real models: typed and spoken questions, staff, quit. */
class KioskLoopTest {

    @Test
    void answersTypedAndSpokenQuestionsOnTheDisplayAndSpeaksThem(@TempDir Path dir) throws IOException {
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), dir);
        try (KioskModels models = new KioskModels(paths)) {
            Path spoken = dir.resolve("question.wav");
            WavFile.write(spoken, models.synthesizer().speakAll("where are the double a batteries")
                    .append(Audio.silence(300)));
            String typed = "where is the circular saw\nhow much is it\n" + spoken + "\n/staff\n/quit\n";
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            ConsolePanel panel = new ConsolePanel(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                    out, 40);
            StoreKiosk kiosk = StoreKiosk.open(paths.store(), models, problem -> { });
            KioskLoop loop = new KioskLoop(panel, kiosk, models, Replies.toFiles(dir.resolve("replies")),
                    out);
            int code = assertTimeoutPreemptively(Duration.ofSeconds(60), loop::run);
            assertEquals(0, code);
            String shown = screen.toString(StandardCharsets.UTF_8);
            // privacy.log_transcripts is off by default: the log says how many words, not which
            assertTrue(shown.contains("heard: (5 words) -> product_location"), shown);
            assertTrue(shown.contains("heard: (4 words) -> product_price"), shown);
            assertTrue(shown.contains("heard: (6 words) -> product_location"), shown);
            assertFalse(shown.contains("heard: \"where is the circular saw\""), shown);
            assertTrue(shown.contains("AISLE 4"), "the aisle is shown large: " + shown);
            assertTrue(shown.contains("STAFF CALLED"), shown);
            try (var replies = Files.list(dir.resolve("replies"))) {
                assertTrue(replies.count() >= 4, "every answer was spoken into a reply file");
            }
        }
    }

    /** A microphone: the recording, then silence for as long as it is read (a live device never ends by itself). */
    static kiosk.speech.AudioSource liveMicrophone(Audio recording, boolean vanishAfterRecording) {
        java.util.Iterator<kiosk.speech.AudioChunk> chunks = recording.chunks(100).iterator();
        return new kiosk.speech.AudioSource() {
            private long millis;

            @Override
            public java.util.Optional<kiosk.speech.AudioChunk> read() {
                if (chunks.hasNext()) {
                    kiosk.speech.AudioChunk next = chunks.next();
                    millis += next.durationMillis();
                    return java.util.Optional.of(next);
                }
                if (vanishAfterRecording || millis > 20_000) {
                    return java.util.Optional.empty();
                }
                millis += 100;
                return java.util.Optional.of(Audio.silence(100).chunks(100).get(0));
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void theTalkButtonListensOnTheMicrophoneUntilTheShopperStopsAndAVanishedMicrophoneIsReported(@TempDir Path dir)
            throws IOException {
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), dir);
        try (KioskModels models = new KioskModels(paths)) {
            // the shopper starts speaking a moment after pressing
            Audio question = Audio.silence(400).append(models.synthesizer().speakAll("where is the circular saw"));
            Audio second = Audio.silence(400).append(models.synthesizer().speakAll("where are the double a batteries"));
            java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
            java.util.function.Supplier<kiosk.speech.AudioSource> microphone = () -> opened.incrementAndGet() == 1
                    ? liveMicrophone(question, false) : liveMicrophone(second, true);
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            ConsolePanel panel = new ConsolePanel(new ByteArrayInputStream("/talk\n/talk\n/quit\n"
                    .getBytes(StandardCharsets.UTF_8)), out, 40);
            StoreKiosk kiosk = StoreKiosk.open(paths.store(), models, problem -> { });
            KioskLoop.Services defaults = KioskLoop.Services.defaults();
            KioskLoop loop = new KioskLoop(panel, kiosk, models, Replies.toFiles(dir.resolve("replies")),
                    out, new KioskLoop.Services(defaults.systemd(), defaults.config(), defaults.reloader(),
                    defaults.counts(), java.util.Optional.of(microphone)));
            assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(90), loop::run));
            String shown = screen.toString(StandardCharsets.UTF_8);
            assertEquals(2, opened.get(), "the microphone is opened for each press");
            assertTrue(shown.contains("Listening… | where"), "partial text while speaking: " + shown);
            assertTrue(shown.contains("AISLE 6"), "the endpoint ended the first turn and it was answered: " + shown);
            assertTrue(shown.contains("AISLE 4"), "the second turn was answered with what was heard before the "
                    + "microphone vanished: " + shown);
            List<?> errors = (List<?>) loop.status().get("last_errors");
            assertEquals(1, errors.size(), "only the vanished microphone; the first turn ended at the end of speech: "
                    + errors);
            assertTrue(errors.get(0).toString().contains("microphone stopped delivering audio"), errors.toString());
        }
    }
}
