package kiosk.speech;

import java.util.List;

/**
 * The final text of one utterance, its words, the mean word confidence, which decoder produced it, and the decoder's
 * likely readings with their scores, best first ({@code readings.get(0).text()} is {@code text}).
 */
public record Transcript(String text, List<Word> words, double confidence, Source source, List<Reading> readings) {

    /** Free large-vocabulary decoding, or decoding restricted to a grammar of domain phrases. */
    public enum Source { FREE, GRAMMAR }

    public Transcript {
        words = List.copyOf(words);
        readings = readings.isEmpty() ? List.of(new Reading(text, 0, 0)) : List.copyOf(readings);
    }

    /** A transcript with one reading. */
    public Transcript(String text, List<Word> words, double confidence, Source source) {
        this(text, words, confidence, source, List.of());
    }

    /** The readings' texts, best first. */
    public List<String> alternatives() {
        return readings.stream().map(Reading::text).toList();
    }

    public static Transcript empty(Source source) {
        return new Transcript("", List.of(), 0, source);
    }

    public boolean isEmpty() {
        return text.isBlank();
    }
}
