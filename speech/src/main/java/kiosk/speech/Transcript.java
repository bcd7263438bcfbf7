package kiosk.speech;

import java.util.List;

/**
 * The final text of one utterance, its words, the mean word confidence, which decoder produced it, and the decoder's
 * other likely readings, best first ({@code alternatives.get(0)} is {@code text}).
 */
public record Transcript(String text, List<Word> words, double confidence, Source source, List<String> alternatives) {

    /** Free large-vocabulary decoding, or decoding restricted to a grammar of domain phrases. */
    public enum Source { FREE, GRAMMAR }

    public Transcript {
        words = List.copyOf(words);
        alternatives = alternatives.isEmpty() ? List.of(text) : List.copyOf(alternatives);
    }

    /** A transcript with one reading. */
    public Transcript(String text, List<Word> words, double confidence, Source source) {
        this(text, words, confidence, source, List.of(text));
    }

    public static Transcript empty(Source source) {
        return new Transcript("", List.of(), 0, source);
    }

    public boolean isEmpty() {
        return text.isBlank();
    }
}
