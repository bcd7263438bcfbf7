package kiosk.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
import kiosk.speech.AudioSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A speaker buffers what it is given (a sound card holds half a second or more), so a reply stopped only by not
 * writing more keeps playing. Here a fake speaker plays its buffer in real time: a barge-in press must silence it
 * within 100 ms.
 */
class BargeInStopsAudioTest {

    /** Half a second of buffer, played in 10 ms frames at real-time pace by a thread of its own. */
    /** Replies played by a new {@link BufferingSpeaker} each, kept in {@code speakers} for the test to look at. */
    static Replies bufferingSpeakers(List<BufferingSpeaker> speakers, String description) {
        return new Replies() {
            @Override
            public ReplySink open() {
                BufferingSpeaker speaker = new BufferingSpeaker();
                speakers.add(speaker);
                return speaker;
            }

            @Override
            public Optional<Path> last() {
                return Optional.empty();
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    static final class BufferingSpeaker implements Replies.ReplySink {
        private static final long BUFFER_MILLIS = 500;
        private final Object lock = new Object();
        private long bufferedMillis;
        private long playedMillis;
        private volatile long lastPlayedNanos;
        private boolean closed;
        private final Thread player;

        BufferingSpeaker() {
            player = new Thread(this::play, "fake-speaker");
            player.setDaemon(true);
            player.start();
        }

        private void play() {
            while (true) {
                synchronized (lock) {
                    if (bufferedMillis >= 10) {
                        bufferedMillis -= 10;
                        playedMillis += 10;
                        lastPlayedNanos = System.nanoTime();
                        lock.notifyAll();
                    } else if (closed) {
                        return;
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void write(AudioChunk chunk) {
            synchronized (lock) {
                bufferedMillis += chunk.durationMillis();
                while (bufferedMillis > BUFFER_MILLIS) { // a full sound card buffer blocks the writer
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        @Override
        public void stopNow() {
            synchronized (lock) {
                bufferedMillis = 0;
                lock.notifyAll();
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                closed = true;
            }
        }

        long playedMillis() {
            synchronized (lock) {
                return playedMillis;
            }
        }
    }

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private void waitFor(String text) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (screen.toString(StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("'" + text + "' not seen:\n" + screen.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPressWhileSpeakingSilencesTheBufferedReplyWithin100Ms(@TempDir Path dir) throws Exception {
        Context pi4j = Pi4J.newContextBuilder().add(MockDigitalInputProvider.newInstance(),
                MockDigitalOutputProvider.newInstance()).build();
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), dir);
        try (KioskModels models = new KioskModels(paths);
             GpioPanel panel = GpioPanel.open(pi4j, PanelSettings.defaults())) {
            MockDigitalInput talk = pi4j.registry().get("talk-button");
            MockDigitalInput staff = pi4j.registry().get("staff-button");
            talk.mockState(DigitalState.HIGH); // buttons pull up: high is not pressed
            staff.mockState(DigitalState.HIGH);
            Audio policy = Audio.silence(400).append(models.synthesizer().speakAll("what is your return policy"));
            AtomicInteger presses = new AtomicInteger();
            Supplier<AudioSource> microphone = () -> KioskLoopTest.liveMicrophone(
                    presses.incrementAndGet() == 1 ? policy : Audio.silence(200), false);
            List<BufferingSpeaker> speakers = new CopyOnWriteArrayList<>();
            Replies replies = bufferingSpeakers(speakers, "a speaker with half a second of buffer");
            StoreKiosk kiosk = StoreKiosk.open(paths.store(), models, problem -> { });
            KioskLoop loop = new KioskLoop(panel, kiosk, models, replies,
                    new PrintStream(screen, true, StandardCharsets.UTF_8),
                    KioskLoop.Services.defaults().withMicrophone(microphone));
            CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return loop.run();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            talk.mockState(DigitalState.LOW);
            waitFor("heard: (5 words) -> faq");
            talk.mockState(DigitalState.HIGH);
            for (int i = 0; i < 200 && (speakers.isEmpty() || speakers.get(0).playedMillis() < 1000); i++) {
                Thread.sleep(20);
            }
            BufferingSpeaker reply = speakers.get(0);
            assertTrue(reply.playedMillis() >= 1000, "the long policy answer is playing");
            long pressed = System.nanoTime();
            talk.mockState(DigitalState.LOW); // barge-in
            Thread.sleep(600);                // longer than the speaker's buffer
            talk.mockState(DigitalState.HIGH);
            long silentAfterMillis = (reply.lastPlayedNanos - pressed) / 1_000_000;
            assertTrue(silentAfterMillis <= 100, "the reply played on for " + silentAfterMillis
                    + " ms after the press");
            loop.stop();
            assertEquals(0, running.get(60, TimeUnit.SECONDS));
        } finally {
            pi4j.shutdown();
        }
    }
}
