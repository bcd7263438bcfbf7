package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replies at the configured loudness, and louder, quieter, slower heard in the audio itself. */
class VoiceLevelTest {

    private static final String REPLY = "The garden hose is in aisle 15. It is $24.98.";
    private static FreeTtsSynthesizer voice;

    @BeforeAll
    static void open() {
        voice = FreeTtsSynthesizer.open();
    }

    @AfterAll
    static void close() {
        voice.close();
    }

    private static SoundLevel levelAt(VoiceSettings settings, String text) {
        voice.voice(settings);
        return SoundLevel.of(voice.speakAll(text));
    }

    @Test
    void everyReplyIsBroughtToTheTargetLevelWithoutClipping() {
        for (double target : new double[] {-30, -24, -20}) {
            for (String text : new String[] {REPLY, "Okay.", "We're open eight a m to nine p m on Friday."}) {
                SoundLevel level = levelAt(VoiceSettings.at(target), text);
                // one gain per sentence: a reply of several sentences is within a dB of the target overall
                assertEquals(target, level.rmsDbfs(), 1.0, text + " at " + target);
                assertTrue(level.peakDbfs() <= LoudnessNormalizer.PEAK_LIMIT_DBFS + 0.01, "peak " + level);
            }
        }
    }

    @Test
    void thePeakLimitHoldsWhenTheTargetCannotBeReached() {
        SoundLevel loudest = levelAt(VoiceSettings.at(VoiceSettings.MAX_LEVEL_DBFS), REPLY);
        assertTrue(loudest.peakDbfs() <= LoudnessNormalizer.PEAK_LIMIT_DBFS + 0.01, "peak " + loudest);
        assertFalse(loudest.clipping());
        assertTrue(loudest.rmsDbfs() > levelAt(VoiceSettings.at(-20), REPLY).rmsDbfs() + 3, "louder: " + loudest);
    }

    @Test
    void louderAndQuieterStepTheMeasuredLevel() {
        VoiceSettings normal = VoiceSettings.at(VoiceSettings.DEFAULT_LEVEL_DBFS);
        double base = levelAt(normal, REPLY).rmsDbfs();
        double louder = levelAt(normal.after(VoiceSettings.Change.LOUDER), REPLY).rmsDbfs();
        double quieter = levelAt(normal.after(VoiceSettings.Change.QUIETER), REPLY).rmsDbfs();
        assertEquals(VoiceSettings.LEVEL_STEP_DB, louder - base, 0.5);
        assertEquals(VoiceSettings.LEVEL_STEP_DB, base - quieter, 0.5);
    }

    @Test
    void slowerMakesTheSameReplyLonger() {
        voice.voice(VoiceSettings.at(-20));
        long normal = voice.speakAll(REPLY).durationMillis();
        assertTrue(voice.adjust(VoiceSettings.Change.SLOWER));
        long slower = voice.speakAll(REPLY).durationMillis();
        assertTrue(slower > normal * 1.1, normal + " ms, slower " + slower + " ms");
        while (voice.adjust(VoiceSettings.Change.SLOWER)) {
            assertTrue(voice.voice().wordsPerMinute() >= VoiceSettings.MIN_RATE);
        }
        assertEquals(VoiceSettings.MIN_RATE, voice.voice().wordsPerMinute());
        voice.voice(VoiceSettings.at(-20));
        assertEquals(normal, voice.speakAll(REPLY).durationMillis(), normal / 20.0, "back to the normal rate");
    }

    @Test
    void theVoiceStopsAtItsBoundsAndSaysSo() {
        voice.voice(VoiceSettings.at(VoiceSettings.MAX_LEVEL_DBFS));
        assertFalse(voice.adjust(VoiceSettings.Change.LOUDER));
        assertTrue(voice.adjust(VoiceSettings.Change.QUIETER));
        assertEquals(VoiceSettings.MAX_LEVEL_DBFS - VoiceSettings.LEVEL_STEP_DB, voice.voice().levelDbfs());
        assertThrows(IllegalArgumentException.class, () -> VoiceSettings.at(-3));
    }

    @Test
    void silenceStaysSilence() {
        Audio silence = Audio.silence(500);
        assertEquals(SoundLevel.SILENCE_DBFS, SoundLevel.of(LoudnessNormalizer.to(-20).normalize(silence)).rmsDbfs());
    }
}
