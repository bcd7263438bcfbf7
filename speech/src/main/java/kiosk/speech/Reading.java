package kiosk.speech;

/**
 * One way the decoder read an utterance: its words, its score and how much of it lay outside the grammar.
 *
 * @param text    the words; in a {@link Transcript} never "[unk]", which is counted in {@code unheard} instead
 * @param score   the log-likelihood (acoustic and grammar, in nats) the decoder gave it; only differences between the
 *                readings of one utterance mean anything: a reading that scores one nat lower is e (2.7) times less
 *                likely
 * @param unheard how many words the grammar decoder could only account for as speech outside its grammar ("[unk]");
 *                always 0 for free recognition
 */
public record Reading(String text, double score, int unheard) {

    /** This reading followed by the reading of the next segment of the same utterance. */
    Reading then(Reading next) {
        return new Reading((text + " " + next.text).strip(), score + next.score, unheard + next.unheard);
    }
}
