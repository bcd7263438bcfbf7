package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoundLevelTest {

    @Test
    void aFullScaleSineHasItsPeakAtZeroAndItsRmsThreeDecibelsBelow() {
        short[] sine = new short[16000];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (short) Math.round(32767 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
        }
        SoundLevel level = SoundLevel.of(Audio.ofSamples(sine));
        assertEquals(0.0, level.peakDbfs(), 0.01);
        assertEquals(-3.01, level.rmsDbfs(), 0.02);
        assertTrue(level.clipping());
    }

    @Test
    void aTenthOfFullScaleIsMinusTwentyAndSilenceHasTheFloor() {
        short[] square = new short[1600];
        for (int i = 0; i < square.length; i++) {
            square[i] = (short) (i % 2 == 0 ? 3277 : -3277);
        }
        SoundLevel level = SoundLevel.of(Audio.ofSamples(square));
        assertEquals(-20.0, level.peakDbfs(), 0.01);
        assertEquals(-20.0, level.rmsDbfs(), 0.01);
        assertFalse(level.clipping());
        assertEquals(new SoundLevel(SoundLevel.SILENCE_DBFS, SoundLevel.SILENCE_DBFS),
                SoundLevel.of(Audio.silence(500)));
    }
}
