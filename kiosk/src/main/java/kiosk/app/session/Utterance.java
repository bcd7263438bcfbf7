package kiosk.app.session;

import java.util.Optional;

import kiosk.speech.Transcript;

/**
 * What the shopper said in one turn: its text, and for speech the recognizer's evidence (which decoder produced the
 * text, how sure it was, and what the other decoder heard), which the understanding needs to confirm a product only
 * the store-biased grammar heard before stating a fact about it. Typed text carries no evidence: it is what was meant.
 */
public record Utterance(String text, Optional<Transcript> speech) {

    public static Utterance typed(String text) {
        return new Utterance(text, Optional.empty());
    }

    public static Utterance spoken(Transcript transcript) {
        return new Utterance(transcript.text(), Optional.of(transcript));
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}
