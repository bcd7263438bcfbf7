package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The noise floor handed from an utterance that ended early to the one that goes on from it (issue 13): the
 * continuation judges its first chunks against the noise heard before, not against themselves.
 */
class NoiseFloorTest {

    private static final EndOfSpeech POLICY = EndOfSpeech.after(Duration.ofMillis(600));
    /** Steady background noise, louder than the least speech level: only the floor tells it from speech. */
    private static final double NOISE = 500;
    private static final double VOICE = 4000;
    private static final String HEARD = "where is the duct tape";

    @Test
    void theFloorIsTheQuietestOfTheLastChunksHeard() {
        Endpointer endpointer = new Endpointer(POLICY);
        assertTrue(endpointer.noiseFloor().isEmpty());
        feed(endpointer, NOISE, 10);
        feed(endpointer, VOICE, 5);
        NoiseFloor floor = endpointer.noiseFloor();
        assertEquals(15, floor.chunks());
        assertEquals(NOISE, floor.level().orElseThrow(), NOISE * 0.02);
        assertEquals(VOICE, floor.recentRms().get(14), VOICE * 0.02, "oldest first: the last chunk last");
        // the window is the last 50 chunks: a long stretch of louder sound becomes the floor
        for (int i = 0; i < Endpointer.FLOOR_WINDOW_CHUNKS; i++) {
            endpointer.accept(chunk(VOICE), ""); // nothing heard: never ended, the levels are still kept
        }
        assertEquals(Endpointer.FLOOR_WINDOW_CHUNKS, endpointer.noiseFloor().chunks());
        assertEquals(VOICE, endpointer.noiseFloor().level().orElseThrow(), VOICE * 0.02);
    }

    @Test
    void aContinuationStartingWithWordsIsEndedByTheNoiseAfterThem() {
        Endpointer first = new Endpointer(POLICY);
        feed(first, NOISE, 10);
        feed(first, VOICE, 10);
        int silentChunks = 0;
        while (!first.accept(chunk(NOISE), HEARD)) {
            silentChunks++;
            assertTrue(silentChunks < 20, "the first part never ended");
        }
        NoiseFloor floor = first.noiseFloor();

        // the shopper goes on at once: words in the continuation's first chunks, then the same noise
        Endpointer carried = new Endpointer(POLICY.continuing(floor));
        Endpointer afresh = new Endpointer(POLICY);
        feed(carried, VOICE, 3);
        feed(afresh, VOICE, 3);
        assertTrue(carried.speechHeard(), "words against the floor heard before are speech");
        assertFalse(afresh.speechHeard(), "against its own first chunk, nothing is louder than the floor");
        assertEquals(6, chunksToEnd(carried), "600 ms of the noise after the words end the continuation");
        assertEquals(-1, chunksToEnd(afresh), "without the floor heard before, silence never ends it");
    }

    @Test
    void aContinuationFromTheFloorJudgesEveryChunkAsTheUninterruptedEndpointerWould() {
        List<Double> levels = new ArrayList<>();
        levels.addAll(Collections.nCopies(8, NOISE));
        levels.addAll(Collections.nCopies(12, VOICE));
        levels.addAll(Collections.nCopies(3, NOISE));
        levels.addAll(Collections.nCopies(60, VOICE * 0.5)); // long enough for the noise to leave the window
        levels.addAll(Collections.nCopies(10, NOISE * 0.8));
        Endpointer whole = new Endpointer(POLICY);
        Endpointer part = new Endpointer(POLICY);
        for (int i = 0; i < levels.size(); i++) {
            if (i == 23) {
                part = new Endpointer(POLICY.continuing(part.noiseFloor()));
            }
            whole.accept(chunk(levels.get(i)), "");
            part.accept(chunk(levels.get(i)), "");
            assertEquals(whole.noiseFloor(), part.noiseFloor(), "chunk " + i);
        }
    }

    @Test
    void aFloorRestsOnAtMostTheWindowOfNonNegativeLevels() {
        assertTrue(NoiseFloor.NONE.level().isEmpty());
        assertEquals(NoiseFloor.NONE, POLICY.heardBefore(), "a policy of its own starts with no floor");
        assertThrows(IllegalArgumentException.class, () -> new NoiseFloor(
                Collections.nCopies(Endpointer.FLOOR_WINDOW_CHUNKS + 1, NOISE)));
        assertThrows(IllegalArgumentException.class, () -> new NoiseFloor(List.of(NOISE, -1.0)));
        assertThrows(IllegalArgumentException.class, () -> new NoiseFloor(List.of(Double.NaN)));
        NoiseFloor floor = new NoiseFloor(List.of(NOISE, 2 * NOISE));
        assertEquals(floor, POLICY.continuing(floor).whenComplete(Duration.ofMillis(200), text -> true)
                .heardBefore(), "kept when the semantic end of turn is added");
    }

    /** Chunks of noise after which the endpointer ended the utterance, or -1 when 30 did not. */
    private static int chunksToEnd(Endpointer endpointer) {
        for (int i = 1; i <= 30; i++) {
            if (endpointer.accept(chunk(NOISE), HEARD)) {
                return i;
            }
        }
        return -1;
    }

    private static void feed(Endpointer endpointer, double rms, int chunks) {
        for (int i = 0; i < chunks; i++) {
            assertFalse(endpointer.accept(chunk(rms), HEARD), "ended while fed " + rms);
        }
    }

    /** 100 ms of a 200 Hz tone of this RMS (a whole number of periods, so its RMS is exact). */
    private static AudioChunk chunk(double rms) {
        int samples = AudioFormat.SPEECH.sampleRate() / 10;
        short[] tone = new short[samples];
        for (int i = 0; i < samples; i++) {
            tone[i] = (short) Math.round(rms * Math.sqrt(2) * Math.sin(2 * Math.PI * 200 * i
                    / AudioFormat.SPEECH.sampleRate()));
        }
        return Audio.ofSamples(tone).chunks(Transcriber.CHUNK_MILLIS).get(0);
    }
}
