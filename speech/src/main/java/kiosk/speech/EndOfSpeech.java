package kiosk.speech;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
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
 * <p>A semantic end of turn goes further ({@link #whenComplete}): text whose last word can end a request and that
 * {@link TurnCompleteness} (the application's understanding) takes for a whole, answerable request ends after a
 * much shorter silence ({@code afterCompleteTurn}), as a listener answers a finished question without waiting to be
 * sure the speaker is done; everything else waits {@code afterComplete} or {@code afterOpenWord}.
 *
 * @param afterComplete     the silence that ends text whose last word can end a request ("… batteries", "… please")
 * @param afterOpenWord     the silence that ends text whose last word asks for more ("… with", "… and", "… um")
 * @param afterCompleteTurn the silence that ends text {@code completeness} takes for a whole request (at most
 *                          {@code afterComplete}; equal to it when there is no semantic end of turn)
 * @param completeness      judges the text heard so far; {@link TurnCompleteness#NEVER} without a semantic end of turn
 * @param heardBefore       the noise floor heard just before this utterance, when it goes on from an earlier one (the
 *                          rest of a question that ended early, {@link #continuing}); {@link NoiseFloor#NONE}: the
 *                          floor is learned from the utterance's own chunks
 */
public record EndOfSpeech(Duration afterComplete, Duration afterOpenWord, Duration afterCompleteTurn,
                          TurnCompleteness completeness, NoiseFloor heardBefore) {

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

    /** Silences by the last word alone, with no semantic end of turn. */
    public EndOfSpeech(Duration afterComplete, Duration afterOpenWord) {
        this(afterComplete, afterOpenWord, afterComplete, TurnCompleteness.NEVER);
    }

    /** An utterance of its own: its noise floor is learned from its own chunks. */
    public EndOfSpeech(Duration afterComplete, Duration afterOpenWord, Duration afterCompleteTurn,
                       TurnCompleteness completeness) {
        this(afterComplete, afterOpenWord, afterCompleteTurn, completeness, NoiseFloor.NONE);
    }

    public EndOfSpeech {
        Objects.requireNonNull(heardBefore, "heardBefore: NoiseFloor.NONE when nothing was heard before");
        if (afterCompleteTurn.isNegative() || afterCompleteTurn.compareTo(afterComplete) > 0) {
            throw new IllegalArgumentException("the silence after a complete turn must be from zero to the one after "
                    + "complete text (" + afterComplete + "), not " + afterCompleteTurn);
        }
        if (afterCompleteTurn.isZero() && !afterComplete.isZero()) {
            throw new IllegalArgumentException("a complete turn needs some silence to end: a word's own pause is no "
                    + "end of turn");
        }
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

    /**
     * This policy, and text that {@code completeness} takes for a whole request ends after {@code silence} (a last
     * word asking for more never ends early, whatever the judge says).
     */
    public EndOfSpeech whenComplete(Duration silence, TurnCompleteness completeness) {
        return new EndOfSpeech(afterComplete, afterOpenWord, silence, completeness, heardBefore);
    }

    /**
     * This policy for an utterance that goes on from one whose endpoint had learned {@code floor} (the rest of a
     * question that ended early): speech is judged against the noise heard before, so words in the first chunk are
     * speech and the noise after them is silence.
     */
    public EndOfSpeech continuing(NoiseFloor floor) {
        return new EndOfSpeech(afterComplete, afterOpenWord, afterCompleteTurn, completeness, floor);
    }

    /** Whether this policy ends some turns early by what they say (a semantic end of turn). */
    public boolean semantic() {
        return afterCompleteTurn.compareTo(afterComplete) < 0 && completeness != TurnCompleteness.NEVER;
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
        return OPEN_WORDS.contains(last.toLowerCase(Locale.ROOT));
    }
}
