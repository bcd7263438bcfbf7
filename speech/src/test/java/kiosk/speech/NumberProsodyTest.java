package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's voice says number words a quarter slower than FreeTTS's own kevin16 and every other word as kevin16
 * does: the same voice, with and without the step, measured in samples (the synthesis is deterministic).
 */
class NumberProsodyTest {

    private static KevinVoicePair voices;

    @BeforeAll
    static void voices() {
        voices = KevinVoicePair.installing(NumberProsody::install);
    }

    @AfterAll
    static void release() {
        voices.close();
    }

    @Test
    void numberWordsAreSaidSlower() {
        int plainNumbers = voices.plain("twelve ninety seven");
        int slowNumbers = voices.changed("twelve ninety seven");
        double ratio = (double) slowNumbers / plainNumbers;
        // the pauses around the utterance keep their length, so the whole grows by a bit less than the words
        assertTrue(ratio > 1.15 && ratio < NumberProsody.STRETCH + 0.01, "numbers took " + ratio + " times as long");
    }

    @Test
    void otherWordsKeepTheVoicesRate() {
        assertEquals(voices.plain("the paint thinner sells well"), voices.changed("the paint thinner sells well"));
    }

    @Test
    void numberWordsAreTheNormalizersSpelling() {
        for (String word : "zero oh one twelve twenty ninety hundred thousand point half quarters third eighth sixteenths noon"
                .split(" ")) {
            assertTrue(NumberProsody.isNumberWord(word), word);
        }
        for (String word : "on to for won the aisle dollars cents number".split(" ")) {
            assertFalse(NumberProsody.isNumberWord(word), word);
        }
    }
}
