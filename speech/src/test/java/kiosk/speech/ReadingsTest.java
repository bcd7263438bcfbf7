package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The grammar decoder's readings as the transcript carries them, and the options that shape them. */
class ReadingsTest {

    @Test
    void unknownWordsLeaveTheTextButAreCountedAndReadingsThatMeetAreMerged() {
        List<Word> words = List.of(new Word("[unk]", 0, 0.4, 0.9), new Word("a", 0.4, 0.5, 0.9),
                new Word("latte", 0.5, 0.9, 0.9));
        Transcript raw = new Transcript("[unk] a latte", words, 0.9, Transcript.Source.GRAMMAR, List.of(
                new Reading("[unk] a latte", -10, 0), new Reading("a latte", -11, 0),
                new Reading("[unk] [unk] a mocha", -12, 0)));
        Transcript clean = VoskRecognizer.withoutUnknown(raw);
        assertEquals("a latte", clean.text());
        assertEquals(List.of("a latte", "a mocha"), clean.alternatives());
        assertEquals(1, clean.readings().get(0).unheard(), "the better of the merged readings speaks for both");
        assertEquals(-10 + Math.log(1 + Math.exp(-1)), clean.readings().get(0).score(), 1e-9,
                "two readings with the same words are as likely as both together");
        assertEquals(2, clean.readings().get(1).unheard());
        assertEquals(List.of("a", "latte"), clean.words().stream().map(Word::text).toList());
    }

    @Test
    void aTranscriptWithoutReadingsHasItsTextAsTheOnlyOne() {
        Transcript transcript = new Transcript("where is the tape", List.of(), 0.8, Transcript.Source.FREE);
        assertEquals(List.of(new Reading("where is the tape", 0, 0)), transcript.readings());
        assertEquals(List.of("where is the tape"), transcript.alternatives());
    }

    @Test
    void theOutOfGrammarShareIsChecked() {
        RecognizerOptions grammar = RecognizerOptions.grammar(List.of("a latte"));
        assertEquals(0, grammar.outOfGrammar());
        assertEquals(0.2, grammar.withOutOfGrammar(0.2).outOfGrammar());
        assertThrows(IllegalArgumentException.class, () -> grammar.withOutOfGrammar(1.0));
        assertThrows(IllegalArgumentException.class, () -> grammar.withOutOfGrammar(-0.1));
        assertThrows(IllegalArgumentException.class, () -> grammar.withOutOfGrammar(Double.NaN));
    }
}
