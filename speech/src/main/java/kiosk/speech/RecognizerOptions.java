package kiosk.speech;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * How to recognize an utterance: free speech, only the phrases of a domain, or both side by side.
 *
 * @param phrases         the domain's phrases (product names, command phrases), empty for free speech
 * @param mode            which decoders run
 * @param endOfSpeech     the trailing silence that ends the utterance by itself, by what has been heard so far;
 *                        {@link EndOfSpeech#OFF}: only the caller ends it
 * @param alternatives    how many of the grammar decoder's best hypotheses the transcript carries (1: only the best),
 *                        so that a parser can pick the one that makes sense; see {@link Transcript#readings()}
 * @param outOfGrammar    how much of what is said is expected to lie outside the phrases (0 to 0.9), for the grammar
 *                        decoder: a share of its training sentences that stand for such speech ("[unk]"). At 0 there
 *                        is one such sentence, which the store's vocabulary needs; a grammar of whole command
 *                        sentences needs more, or it reads "where can I buy a laptop" as "can I have a dark roast"
 */
public record RecognizerOptions(List<String> phrases, Mode mode, EndOfSpeech endOfSpeech, int alternatives,
                                double outOfGrammar) {

    public static final int MAX_ALTERNATIVES = 50;
    public static final double MAX_OUT_OF_GRAMMAR = 0.9;

    /**
     * FREE: the model's whole vocabulary. GRAMMAR: only the phrases (anything else is heard as "[unk]").
     * BIASED: a free and a grammar decoder on the same audio, the more trustworthy result wins.
     */
    public enum Mode { FREE, GRAMMAR, BIASED }

    public RecognizerOptions {
        phrases = List.copyOf(phrases);
        if (mode != Mode.FREE && phrases.isEmpty()) {
            throw new IllegalArgumentException(mode + " recognition needs at least one phrase");
        }
        if (alternatives < 1 || alternatives > MAX_ALTERNATIVES) {
            throw new IllegalArgumentException("alternatives must be from 1 to " + MAX_ALTERNATIVES + ", not "
                    + alternatives);
        }
        if (!(outOfGrammar >= 0 && outOfGrammar <= MAX_OUT_OF_GRAMMAR)) {
            throw new IllegalArgumentException("the out-of-grammar share must be from 0 to " + MAX_OUT_OF_GRAMMAR
                    + ", not " + outOfGrammar);
        }
    }

    public static RecognizerOptions free() {
        return new RecognizerOptions(List.of(), Mode.FREE, EndOfSpeech.OFF, 1, 0);
    }

    public static RecognizerOptions grammar(Collection<String> phrases) {
        return new RecognizerOptions(List.copyOf(phrases), Mode.GRAMMAR, EndOfSpeech.OFF, 1, 0);
    }

    public static RecognizerOptions biased(Collection<String> phrases) {
        return new RecognizerOptions(List.copyOf(phrases), Mode.BIASED, EndOfSpeech.OFF, 1, 0);
    }

    /** The same trailing silence ends the utterance whatever was heard ({@link Duration#ZERO}: off). */
    public RecognizerOptions withEndpointSilence(Duration silence) {
        return withEndOfSpeech(EndOfSpeech.after(silence));
    }

    public RecognizerOptions withEndOfSpeech(EndOfSpeech policy) {
        return new RecognizerOptions(phrases, mode, policy, alternatives, outOfGrammar);
    }

    /**
     * The grammar decoder's {@code count} best hypotheses (grammar mode, and the grammar decoder of biased mode; the
     * free decoder keeps the best only, with its word confidences).
     */
    public RecognizerOptions withAlternatives(int count) {
        return new RecognizerOptions(phrases, mode, endOfSpeech, count, outOfGrammar);
    }

    /** Grammar mode: expect {@code share} of what is said to lie outside the phrases (see the record's doc). */
    public RecognizerOptions withOutOfGrammar(double share) {
        return new RecognizerOptions(phrases, mode, endOfSpeech, alternatives, share);
    }
}
