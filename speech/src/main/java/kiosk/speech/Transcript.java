package kiosk.speech;

import java.util.List;
import java.util.Optional;

/**
 * The final text of one utterance, its words, the mean word confidence, which decoder produced it, and the decoder's
 * likely readings with their scores, best first ({@code readings.get(0).text()} is {@code text}). When two decoders
 * heard the same audio (store-biased recognition), {@code rival} is what the other one heard: whether a store phrase
 * the grammar decoder produced is also what the free decoder heard is the evidence a listener needs before stating a
 * fact about it.
 */
public record Transcript(String text, List<Word> words, double confidence, Source source, List<Reading> readings,
                         Optional<Transcript> rival) {

    /** Free large-vocabulary decoding, or decoding restricted to a grammar of domain phrases. */
    public enum Source { FREE, GRAMMAR }

    public Transcript {
        words = List.copyOf(words);
        readings = readings.isEmpty() ? List.of(new Reading(text, 0, 0)) : List.copyOf(readings);
    }

    /** A transcript of one decoder. */
    public Transcript(String text, List<Word> words, double confidence, Source source, List<Reading> readings) {
        this(text, words, confidence, source, readings, Optional.empty());
    }

    /** This transcript, with what the other decoder heard of the same audio (its own rival left out). */
    public Transcript withRival(Transcript other) {
        return new Transcript(text, words, confidence, source, readings, Optional.of(
                new Transcript(other.text, other.words, other.confidence, other.source, other.readings)));
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
