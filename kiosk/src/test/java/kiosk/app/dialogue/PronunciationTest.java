package kiosk.app.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The round trip's comparison by sound: homophones match, numbers that sound different do not. */
class PronunciationTest {

    private static final Pronunciation SOUNDS = new Pronunciation();

    private static int end(String heard, String said) {
        List<String> saidPhones = SOUNDS.phonesOfWords(List.of(said.split(" "))).stream()
                .flatMap(List::stream).toList();
        return Pronunciation.endOfRun(SOUNDS.phonesOfWords(List.of(heard.split(" "))), saidPhones, 0);
    }

    @Test
    void homophonesAreTheSameSounds() {
        assertEquals(SOUNDS.phones("four"), SOUNDS.phones("for"));
        assertTrue(Pronunciation.sameSounds(SOUNDS.phones("to"), SOUNDS.phones("two")));
        assertEquals(3, end("aisle number for it", "four"));
        assertEquals(1, end("to dollars", "two"));
    }

    @Test
    void numbersThatSoundDifferentDoNotMatch() {
        assertNotEquals(SOUNDS.phones("fourteen"), SOUNDS.phones("forty"));
        assertEquals(-1, end("fourteen dollars", "forty"));
        assertEquals(-1, end("forty dollars", "fourteen"));
        assertEquals(-1, end("it as well dollars", "twelve"));
        assertEquals(-1, end("a dollars", "eight"));
        assertEquals(-1, end("when two", "twenty"));
    }

    @Test
    void aRunMustStartAndEndAtWordBoundaries() {
        assertEquals(-1, end("fourteen", "four"));
        assertEquals(2, end("for tea", "forty"));
        assertEquals(4, end("it is ninety eight cents", "ninety eight"));
    }
}
