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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import kiosk.app.KioskPaths;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import kiosk.app.voice.VoiceTurns;
import kiosk.hardware.ConsolePanel;
import kiosk.speech.Audio;
import kiosk.speech.AudioChunk;
import kiosk.speech.AudioSource;
import kiosk.speech.SpeechEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The appliance loop ({@code kiosk run}) ends a question the store answers at once after the short silence of the
 * semantic end of turn, as {@code listen} and {@code bench latency} do, not after the long one: the microphone is
 * read for less than the long silence past the end of the shopper's speech (found in the audio itself).
 */
class SemanticEndInRunTest {

    @Test
    void aClearQuestionOnTheMicrophoneEndsAfterTheShortSilence(@TempDir Path dir) {
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), dir);
        try (KioskModels models = new KioskModels(paths)) {
            Audio question = Audio.silence(400).append(models.synthesizer().speakAll("where is the circular saw"));
            long speechEnds = SpeechEnd.of(question).orElseThrow();
            AtomicLong readMillis = new AtomicLong();
            Supplier<AudioSource> microphone = () -> counting(question, readMillis);
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            ConsolePanel panel = new ConsolePanel(new ByteArrayInputStream("/talk\n/quit\n"
                    .getBytes(StandardCharsets.UTF_8)), out, 40);
            StoreKiosk kiosk = StoreKiosk.open(paths.store(), models, problem -> { });
            KioskLoop.Services defaults = KioskLoop.Services.defaults();
            List<TurnListener.FinishedTurn> turns = new CopyOnWriteArrayList<>();
            KioskLoop loop = new KioskLoop(panel, kiosk, models, Replies.toFiles(dir.resolve("replies")), out,
                    new KioskLoop.Services(defaults.systemd(), defaults.config(), defaults.reloader(),
                            defaults.counts(), Optional.of(microphone)).withListener(turns::add));
            assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(90), loop::run));
            assertTrue(screen.toString(StandardCharsets.UTF_8).contains("AISLE 6"), "the question was answered");
            // the audio heard when the question ended (the microphone is read on for the resumption window after
            // an early end, so what was read in all says nothing of where the question ended)
            assertEquals(1, turns.size(), "one turn: " + turns);
            long pastSpeech = turns.get(0).timingsMs().get("audio").longValue() - speechEnds;
            long longSilence = VoiceTurns.END_OF_SPEECH.afterComplete().toMillis();
            assertTrue(pastSpeech < longSilence, "the microphone was read " + pastSpeech
                    + " ms past the end of speech; the long silence is " + longSilence + " ms");
            assertTrue(pastSpeech >= VoiceTurns.COMPLETE_TURN_SILENCE.toMillis(), "ended " + pastSpeech
                    + " ms past the end of speech, before the short silence");
        }
    }

    /** A live microphone: the recording, then silence for as long as it is read; counts what was read. */
    private static AudioSource counting(Audio recording, AtomicLong readMillis) {
        Iterator<AudioChunk> chunks = recording.chunks(100).iterator();
        return new AudioSource() {
            @Override
            public Optional<AudioChunk> read() {
                if (readMillis.get() > 20_000) {
                    return Optional.empty();
                }
                AudioChunk next = chunks.hasNext() ? chunks.next() : Audio.silence(100).chunks(100).get(0);
                readMillis.addAndGet(next.durationMillis());
                return Optional.of(next);
            }

            @Override
            public void close() {
            }
        };
    }
}
