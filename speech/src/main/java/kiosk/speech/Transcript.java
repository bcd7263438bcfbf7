package kiosk.speech;

import java.util.List;

/** The final text of one utterance, its words, the mean word confidence, and which decoder produced it. */
public record Transcript(String text, List<Word> words, double confidence, Source source) {

    /** Free large-vocabulary decoding, or decoding restricted to a grammar of domain phrases. */
    public enum Source { FREE, GRAMMAR }

    public Transcript {
        words = List.copyOf(words);
    }

    public static Transcript empty(Source source) {
        return new Transcript("", List.of(), 0, source);
    }

    public boolean isEmpty() {
        return text.isBlank();
    }
}
