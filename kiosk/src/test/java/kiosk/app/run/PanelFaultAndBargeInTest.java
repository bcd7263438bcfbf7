package kiosk.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import kiosk.app.KioskPaths;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import kiosk.hardware.GpioPanel;
import kiosk.hardware.PanelSettings;
import kiosk.speech.Audio;
import kiosk.speech.AudioChunk;
import kiosk.speech.AudioSink;
import kiosk.speech.AudioSource;
import kiosk.speech.WavFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk on the GPIO panel (Pi4J's mock platform) with no display on the I2C bus and the real speech models: the
 * missing display is reported once and the kiosk answers by voice; a press of the talk button while it speaks stops
 * the reply at once and listens.
 */
class PanelFaultAndBargeInTest {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private void waitFor(String text, int times) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (screen().split(java.util.regex.Pattern.quote(text), -1).length - 1 >= times) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("'" + text + "' not seen " + times + " times:\n" + screen());
    }

    /** Replies written to WAV files at the pace a speaker plays them, so that a press can land while one plays. */
    private static Replies speaker(Path folder) {
        Replies files = Replies.toFiles(folder);
        return new Replies() {
            @Override
            public Replies.ReplySink open() throws java.io.IOException {
                AudioSink file = files.open();
                return new Replies.ReplySink() {
                    @Override
                    public void stopNow() {
                    }

                    @Override
                    public void write(AudioChunk chunk) {
                        file.write(chunk);
                        try {
                            Thread.sleep(chunk.durationMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public void close() {
                        file.close();
                    }
                };
            }

            @Override
            public Optional<Path> last() {
                return files.last();
            }

            @Override
            public String description() {
                return "a speaker (WAV files played in real time)";
            }
        };
    }

    @Test
    void aMissingDisplayLeavesTheKioskAnsweringByVoiceAndAPressWhileSpeakingStopsTheReply(@TempDir Path dir)
            throws Exception {
        // digital lines only: the I2C bus the LCD should be on is not there at all
        Context pi4j = Pi4J.newContextBuilder().add(MockDigitalInputProvider.newInstance(),
                MockDigitalOutputProvider.newInstance()).build();
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), dir);
        try (KioskModels models = new KioskModels(paths);
             GpioPanel panel = GpioPanel.open(pi4j, PanelSettings.defaults())) {
            MockDigitalInput talk = pi4j.registry().get("talk-button");
            MockDigitalInput staff = pi4j.registry().get("staff-button");
            talk.mockState(DigitalState.HIGH);
            staff.mockState(DigitalState.HIGH);
            Audio policy = Audio.silence(400).append(models.synthesizer().speakAll("what is your return policy"));
            Audio batteries = Audio.silence(400).append(models.synthesizer().speakAll(
                    "where are the double a batteries"));
            AtomicInteger presses = new AtomicInteger();
            Supplier<AudioSource> microphone = () -> KioskLoopTest.liveMicrophone(
                    presses.incrementAndGet() == 1 ? policy : batteries, false);
            StoreKiosk kiosk = StoreKiosk.open(paths.store(), models, problem -> { });
            KioskLoop.Services defaults = KioskLoop.Services.defaults();
            KioskLoop loop = new KioskLoop(panel, kiosk, models, speaker(dir.resolve("replies")),
                    new PrintStream(screen, true, StandardCharsets.UTF_8), new KioskLoop.Services(defaults.systemd(),
                    defaults.config(), defaults.reloader(), defaults.counts(), Optional.of(microphone)));
            CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return loop.run();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            waitFor("kiosk: voice only:", 1);

            talk.mockState(DigitalState.LOW);     // held while the shopper speaks
            waitFor("heard: (5 words) -> faq", 1);
            talk.mockState(DigitalState.HIGH);
            Thread.sleep(600);                    // the long policy answer is being played
            talk.mockState(DigitalState.LOW);     // pressed again: barge-in
            waitFor("heard: (6 words) -> product_location", 1);
            talk.mockState(DigitalState.HIGH);
            waitFor("(spoken reply: ", 2);

            Audio fullAnswer = models.synthesizer().speakAll(kiosk.newSession().respond("what is your return policy")
                    .answer());
            Audio interrupted = WavFile.read(dir.resolve("replies/reply-001.wav"));
            assertTrue(interrupted.durationMillis() < fullAnswer.durationMillis() / 2,
                    "the reply stopped at the press: "
                    + interrupted.durationMillis() + " of " + fullAnswer.durationMillis() + " ms were played");
            assertTrue(WavFile.read(dir.resolve("replies/reply-002.wav")).durationMillis() > 1000,
                    "the second question was answered in full");
            Map<String, Object> status = loop.status();
            assertEquals("voice only (the display failed; retrying)", status.get("mode"), status.toString());
            assertEquals(1, screen().split("kiosk: voice only:", -1).length - 1, "the fault is reported once");
            assertEquals(1, ((java.util.List<?>) status.get("last_errors")).size(),
                    "the display fault only: both turns ended at the end of speech: " + status.get("last_errors"));
            loop.stop();
            assertEquals(0, running.get(60, TimeUnit.SECONDS));
        } finally {
            pi4j.shutdown();
        }
    }
}
