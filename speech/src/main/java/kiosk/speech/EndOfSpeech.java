package kiosk.speech;

import java.time.Duration;
import java.util.Set;

/**
 * How much trailing silence ends an utterance, by what the free decoder has heard so far: a shopper who stops after
 * "where are the batteries" is done, one who stops after "a large coffee with" is thinking of the next word. So a
 * short silence ends text that can stand as a request, and a longer one text that ends in a word asking for more
 * (a conjunction, article, preposition, filler, "can i"). Until the decoder has heard a word, silence ends nothing
 * (a cough, a breath, the press of the talk button): the caller's own limit or the released button does.
 *
 * <p>Judged by the last word only, with no language model of its own: the free decoder's partial text is already
 * computed for the display, so this costs a set lookup per chunk. The figures that chose the live values (cut-off
 * real commands against the wait after synthetic questions) are in BENCHMARKS.md ("Latency at real-time pace").
 *
 * @param afterComplete the silence that ends text whose last word can end a request ("… batteries", "… please")
 * @param afterOpenWord the silence that ends text whose last word asks for more ("… with", "… and", "… um")
 */
public record EndOfSpeech(Duration afterComplete, Duration afterOpenWord) {

    /** Endpointing off: only the caller ends the utterance (a clip's end, the talk button). */
    public static final EndOfSpeech OFF = new EndOfSpeech(Duration.ZERO, Duration.ZERO);

    /**
     * Words after which a speaker who stops is most likely still choosing the next word: conjunctions, articles,
     * prepositions, possessives, fillers and the openings of a request ("can i", "i'd like", "do you have").
     */
    static final Set<String> OPEN_WORDS = Set.of(
            "and", "or", "but", "with", "without", "plus", "also",
            "the", "a", "an", "some", "any", "of", "for", "to", "in", "on", "at", "from", "about", "than",
            "my", "your", "our", "their", "his", "her",
            "um", "uh", "er", "erm", "hmm", "mm", "like",
            "can", "could", "would", "will", "may", "i", "i'd", "i'll", "i'm", "we",
            "is", "are", "do", "does", "get", "want", "need", "where", "what", "which", "how");

    public EndOfSpeech {
        if (afterComplete.isNegative() || afterOpenWord.isNegative()) {
            throw new IllegalArgumentException("end-of-speech silences cannot be negative: " + afterComplete + ", "
                    + afterOpenWord);
        }
        if (afterComplete.isZero() != afterOpenWord.isZero()) {
            throw new IllegalArgumentException("end-of-speech silences are both zero (off) or both positive, not "
                    + afterComplete + " and " + afterOpenWord);
        }
    }

    /** The same silence whatever was heard (zero: off). */
    public static EndOfSpeech after(Duration silence) {
        return new EndOfSpeech(silence, silence);
    }

    /** Whether silence never ends the utterance. */
    public boolean off() {
        return afterComplete.isZero();
    }

    /** The silence that ends an utterance in which {@code heard} (the decoder's text so far) has been heard. */
    public Duration silenceAfter(String heard) {
        return endsOpen(heard) ? afterOpenWord : afterComplete;
    }

    /** Whether the text's last word asks for more (see {@link #OPEN_WORDS}). */
    public static boolean endsOpen(String heard) {
        String text = heard.strip();
        String last = text.substring(text.lastIndexOf(' ') + 1);
        return OPEN_WORDS.contains(last.toLowerCase(java.util.Locale.ROOT));
    }
}
