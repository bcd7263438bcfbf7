package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Where speech ends, found in FreeTTS speech with known silence around and inside it. */
class SpeechEndTest {

    static FreeTtsSynthesizer voice;

    @BeforeAll
    static void open() {
        voice = FreeTtsSynthesizer.open();
    }

    @AfterAll
    static void close() {
        voice.close();
    }

    @Test
    void appendedSilenceDoesNotMoveTheEndAndLeadingSilenceShiftsIt() {
        for (String text : List.of("where are the garden hoses", "can I get a large coffee with oat milk",
                "do you sell light bulbs")) {
            Audio speech = voice.speakAll(text);
            long end = SpeechEnd.of(speech).orElseThrow();
            assertTrue(end > 500 && end <= speech.durationMillis(), text + ": ends at " + end + " of "
                    + speech.durationMillis() + " ms");
            for (long silence : new long[] {300, 1000, 2500}) {
                // to the finder's 10 ms frame: a clip that ends mid-frame has its last part-frame left out
                assertEquals(end, SpeechEnd.of(speech.append(Audio.silence(silence))).orElseThrow(),
                        SpeechEnd.FRAME_MILLIS, text + " with " + silence + " ms of silence appended");
            }
            // to a frame again: the silence lowers the clip's noise floor, and with it the level of speech
            assertEquals(700 + end, SpeechEnd.of(Audio.silence(700).append(speech)).orElseThrow(),
                    SpeechEnd.FRAME_MILLIS, text + " after 700 ms of silence");
        }
    }

    @Test
    void theEndIsWhereTheSpeechStopsNotWhereTheVoiceFallsSilent() {
        Audio speech = voice.speakAll("where are the double a batteries");
        long end = SpeechEnd.of(speech).orElseThrow();
        Audio padded = speech.append(Audio.silence(800));
        // the last 50 ms before the end are speech, everything after it is near silence
        assertTrue(level(slice(padded, end - 50, end)) > -50, "speech just before the end");
        assertTrue(level(slice(padded, end, padded.durationMillis())) < -50, "near silence after the end");
    }

    @Test
    void aPauseInsideTheCommandIsNotItsEnd() {
        Audio first = voice.speakAll("can I get a large coffee with");
        Audio second = voice.speakAll("oat milk");
        Audio paused = first.append(Audio.silence(900)).append(second);
        long end = SpeechEnd.of(paused).orElseThrow();
        long expected = first.durationMillis() + 900 + SpeechEnd.of(second).orElseThrow();
        assertTrue(Math.abs(end - expected) <= 30, "ends at " + end + " ms, the second part's speech at " + expected);
    }

    @Test
    void silenceAndDitherHaveNoSpeech() {
        assertEquals(OptionalLong.empty(), SpeechEnd.of(Audio.silence(2000)));
        short[] dither = new short[32_000];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < dither.length; i++) {
            dither[i] = (short) (random.nextInt(41) - 20);
        }
        assertEquals(OptionalLong.empty(), SpeechEnd.of(Audio.ofSamples(dither)));
    }

    private static Audio slice(Audio audio, long fromMillis, long toMillis) {
        int bytesPerMilli = AudioFormat.SPEECH.bytesPerSecond() / 1000;
        return new Audio(audio.format(), Arrays.copyOfRange(audio.pcm(), (int) fromMillis * bytesPerMilli,
                (int) toMillis * bytesPerMilli));
    }

    private static double level(Audio audio) {
        return SoundLevel.of(audio).rmsDbfs();
    }
}
