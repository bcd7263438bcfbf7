package kiosk.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import kiosk.app.KioskPaths;
import kiosk.app.config.ConfigReader;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import kiosk.hardware.ConsolePanel;
import kiosk.speech.Audio;
import kiosk.speech.AudioChunk;
import kiosk.speech.AudioSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Early reply with resumption in the appliance loop ({@code kiosk run}): a shopper who pauses 300 ms after "where is
 * the duct tape" (long enough for the short silence of the semantic end of turn) and goes on "and the flashlights"
 * while the kiosk has begun its reply is heard as one question. The reply to the first words stops and the kiosk
 * answers the whole question once; it never says a whole answer to the first half. Real Vosk, FreeTTS and the demo
 * store's understanding; the microphone delivers its audio at real-time pace and the speaker plays at real-time pace.
 * The kiosk listens while it speaks only where its microphone does not hear its own voice (audio.echo_cancelled).
 */
class ResumedQuestionInRunTest {

    /** What the console showed and the turns finished when the shopper pauses and goes on. */
    private record Run(String shown, List<TurnListener.FinishedTurn> turns) {
    }

    @Test
    void aShopperWhoGoesOnAfterAnEarlyEndGetsOneAnswerToTheWholeQuestion(@TempDir Path dir) {
        Run run = pauseAndGoOn(dir, "audio:\n  echo_cancelled: yes\n");
        String shown = run.shown();
        assertTrue(shown.contains("(resumed: the shopper went on"), "the question ended early on the pause and "
                + "was resumed: " + shown);
        // a reply to the first half said to its end would have finished a turn of its own
        assertEquals(1, run.turns().size(), "one turn, answered once: " + run.turns());
        TurnListener.FinishedTurn turn = run.turns().get(0);
        assertEquals(TurnListener.Outcome.ANSWERED, turn.outcome());
        String heard = turn.heard().orElseThrow();
        assertTrue(heard.contains("duct tape") && heard.contains("flashlight"), "the whole question was "
                + "answered: \"" + heard + "\"");
        assertEquals(1.0, turn.timingsMs().get("resumed"), "resumed once: " + turn.timingsMs());
    }

    /**
     * Where the microphone may hear the kiosk's own voice (the default, audio.echo_cancelled: no), the kiosk stops
     * listening when it has heard the question: its reply's sound must not stop the reply. The words after the
     * pause are not taken, and the first half is answered.
     */
    @Test
    void withoutEchoCancellingTheKioskDoesNotListenWhileItSpeaks(@TempDir Path dir) {
        Run run = pauseAndGoOn(dir, "audio:\n  echo_cancelled: no\n");
        assertTrue(!run.shown().contains("(resumed"), "nothing resumed: " + run.shown());
        assertEquals(1, run.turns().size(), "one turn: " + run.turns());
        String heard = run.turns().get(0).heard().orElseThrow();
        assertTrue(heard.contains("duct tape") && !heard.contains("flashlight"), "the first half answered: \""
                + heard + "\"");
        assertEquals(null, run.turns().get(0).timingsMs().get("resumed"), "not resumed: " + run.turns());
    }

    private static Run pauseAndGoOn(Path dir, String settings) {
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), dir);
        try (KioskModels models = new KioskModels(paths)) {
            Audio question = Audio.silence(400)
                    .append(models.synthesizer().speakAll("where is the duct tape"))
                    .append(Audio.silence(300))
                    .append(models.synthesizer().speakAll("and the flashlights"));
            Supplier<AudioSource> microphone = () -> realTime(question);
            List<BargeInStopsAudioTest.BufferingSpeaker> speakers = new CopyOnWriteArrayList<>();
            Replies replies = BargeInStopsAudioTest.bufferingSpeakers(speakers, "a speaker playing at real-time pace");
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            ConsolePanel panel = new ConsolePanel(new ByteArrayInputStream("/talk\n/quit\n"
                    .getBytes(StandardCharsets.UTF_8)), out, 40);
            StoreKiosk kiosk = StoreKiosk.open(paths.store(), models, problem -> { });
            List<TurnListener.FinishedTurn> turns = new CopyOnWriteArrayList<>();
            KioskLoop loop = new KioskLoop(panel, kiosk, models, replies, out,
                    KioskLoop.Services.defaults().withConfig(ConfigReader.read(dir.resolve("kiosk.conf"), settings)
                            .config().orElseThrow()).withMicrophone(microphone).withListener(turns::add));
            assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(120), loop::run));
            return new Run(screen.toString(StandardCharsets.UTF_8), List.copyOf(turns));
        }
    }

    /** A microphone: the recording, then silence, each 100 ms chunk when it has been "recorded". */
    private static AudioSource realTime(Audio recording) {
        Iterator<AudioChunk> chunks = recording.chunks(100).iterator();
        return new AudioSource() {
            private long millis;

            @Override
            public Optional<AudioChunk> read() {
                if (millis > 20_000) {
                    return Optional.empty();
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
                AudioChunk next = chunks.hasNext() ? chunks.next() : Audio.silence(100).chunks(100).get(0);
                millis += next.durationMillis();
                return Optional.of(next);
            }

            @Override
            public void close() {
            }
        };
    }
}
