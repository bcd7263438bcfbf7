package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's voice says a word its lexicon holds as that word, where FreeTTS's own kevin16 spells it letter by letter
 * because of its letters ("eighths"); every other word, and a word the lexicon lacks, as kevin16 does. Measured in
 * samples: the synthesis is deterministic.
 */
class WordsTheLexiconKnowsTest {

    private static KevinVoicePair voices;

    @BeforeAll
    static void voices() {
        voices = KevinVoicePair.installing(WordsTheLexiconKnows::install);
    }

    @AfterAll
    static void release() {
        voices.close();
    }

    @Test
    void eighthsIsSaidAsAWord() {
        int spelled = voices.plain("three eighths");
        int said = voices.changed("three eighths");
        int singular = voices.changed("three eighth");
        // "e i g h t h s" is seven letters' names; "eighths" is "eighth" and an "s"
        assertTrue(spelled > 1.5 * singular, "spelled " + spelled + " samples, \"three eighth\" " + singular);
        assertTrue(said > singular && said < singular * 1.3, "said " + said + " samples, \"three eighth\" " + singular);
    }

    @Test
    void otherWordsAreSaidAsBefore() {
        for (String text : new String[] {"the paint thinner sells well", "a pvc elbow", "xkcd"}) {
            assertEquals(voices.plain(text), voices.changed(text), text);
        }
    }
}
