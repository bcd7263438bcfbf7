package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's voice releases the "t" of "twelve" and "twenty" louder after a vowel and says everything else as
 * FreeTTS's own kevin16 does: the same voice, with and without the step, compared sample by sample (the synthesis is
 * deterministic).
 */
class NumberOnsetsTest {

    private static final int RATE = 16_000;
    private static final int WINDOW = Math.round(NumberOnsets.WINDOW_SECONDS * RATE);
    /** A pitch period of kevin16, at most: the first changed period may start this far before the window. */
    private static final int PERIOD = RATE * 10 / 1000;
    /**
     * How long after the window the louder excitation still rings in FreeTTS's LPC filter (2 LSB or less after 40 ms
     * measured); beyond it samples differ by rounding only, a unit or two of 32,768.
     */
    private static final int RINGING = RATE * 60 / 1000;
    private static final int ROUNDING = 2;

    private static KevinVoicePair voices;

    @BeforeAll
    static void voices() {
        voices = KevinVoicePair.installing(NumberOnsets::install);
    }

    @AfterAll
    static void release() {
        voices.close();
    }

    @Test
    void aTwelveOrTwentyAfterAVowelStartsLouder() {
        for (String text : List.of("The Tarp ten by twelve in aisle number nineteen",
                "The Paint Thinner in aisle number twelve sells for nine dollars",
                "The Furnace Filter sixteen by twenty in aisle number six")) {
            List<Float> releases = releases(text);
            assertEquals(1, releases.size(), text + ": one stop to release, at " + releases);
            int at = Math.round(releases.get(0) * RATE);
            short[] plain = voices.plainAudio(text);
            short[] changed = voices.changedAudio(text);
            assertEquals(plain.length, changed.length, text + ": the timing is FreeTTS's own");
            // the release's 40 ms at least 10 dB louder (22 to 24 dB measured), and nothing else touched
            double gain = decibels(changed, at - WINDOW, at + WINDOW) - decibels(plain, at - WINDOW, at + WINDOW);
            assertTrue(gain >= 10, text + ": the release only " + gain + " dB louder");
            assertSame(plain, changed, 0, at - WINDOW - PERIOD, 0, text + ", before the release");
            assertSame(plain, changed, at + WINDOW + RINGING, plain.length, ROUNDING, text + ", after the release");
        }
    }

    @Test
    void everyOtherStopIsFreeTtsOwn() {
        for (String text : List.of(
                "The Hooks sell for twelve dollars", // after a consonant ("for" ends in "r")
                "The Hooks in aisle number ten", // "t" before a vowel
                "Twelve of them", // after the silence before a sentence
                "The Hex Bolt a quarter by one inch", // "k", another place
                "The Tweezers in aisle number nine")) { // "t w" after a vowel, in a word that is no number
            assertEquals(List.of(), releases(text), text);
            assertArrayEquals(voices.plainAudio(text), voices.changedAudio(text), text);
        }
    }

    private static void assertSame(short[] plain, short[] changed, int from, int to, int within, String what) {
        for (int i = Math.max(0, from); i < Math.min(to, plain.length); i++) {
            assertTrue(Math.abs(plain[i] - changed[i]) <= within,
                    what + ": sample " + i + " of " + plain.length + ", " + plain[i] + " became " + changed[i]);
        }
    }

    private static double decibels(short[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return 10 * Math.log10(sum / (to - from) + 1e-9);
    }

    /** Where the step finds stops to release in the text, by FreeTTS's own voice's segments. */
    private static List<Float> releases(String text) {
        List<Float> found = new ArrayList<>();
        KevinVoicePair.watching(text, voice -> { }, utterance -> found.addAll(NumberOnsets.releases(utterance)));
        return found;
    }
}
