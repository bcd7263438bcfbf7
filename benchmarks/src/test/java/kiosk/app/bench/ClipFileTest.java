package kiosk.app.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import kiosk.speech.Audio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench latency's questions wait for their turn on disk, not in the heap: held there, its ~90 clips grew the Java heap
 * to ~95 MB committed against a kiosk's own ~56–59 MB, and its resident-memory figure measured the benchmark.
 */
class ClipFileTest {

    private static final int CLIPS = 60;
    private static final int SECONDS_EACH = 10; // 320 KB of 16 kHz 16-bit audio: 60 of them ~19 MB

    @TempDir
    Path scratch;

    @Test
    void aSavedClipReadsBackTheSameAudio() throws IOException {
        Audio spoken = noise(new Random(7), 2);
        ClipFile clip = ClipFile.save("freetts", spoken, scratch);

        assertEquals("freetts", clip.voice());
        assertEquals(spoken.format(), clip.audio().format());
        assertArrayEquals(spoken.pcm(), clip.audio().pcm());
    }

    @Test
    void clipsWaitingForTheirTurnHoldNoAudioInTheHeap() throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Random random = new Random(13);
        long before = usedAfterCollection(memory);
        List<ClipFile> clips = new ArrayList<>();
        long audioBytes = 0;
        for (int i = 0; i < CLIPS; i++) {
            Audio spoken = noise(random, SECONDS_EACH);
            audioBytes += spoken.pcm().length;
            clips.add(ClipFile.save("espeak-ng", spoken, scratch));
        }
        long retained = usedAfterCollection(memory) - before;
        Reference.reachabilityFence(clips);

        assertEquals(CLIPS, clips.size());
        assertTrue(retained < audioBytes / 4, "the " + CLIPS + " clips waiting keep " + retained / 1024
                + " KB of the heap, for " + audioBytes / 1024 + " KB of audio");
    }

    private static long usedAfterCollection(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static Audio noise(Random random, int seconds) {
        short[] samples = new short[seconds * 16_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) random.nextInt(-3000, 3000);
        }
        return Audio.ofSamples(samples);
    }
}
