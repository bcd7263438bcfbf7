package kiosk.app.session;

import java.util.Optional;

/** What the session machine asks the kiosk loop to do; the loop owns the devices and carries these out in order. */
public sealed interface SessionAction {

    /** Open the microphone and stream audio into a new recognizer. */
    record StartListening() implements SessionAction {
    }

    /** End the utterance now (push-to-talk released): the recognizer gives its final result. */
    record FinishListening() implements SessionAction {
    }

    /**
     * Answer what was heard in the shopper's session (knowledge and commands); spoken, with the recognizer's evidence,
     * so that a product only the store-biased grammar heard is confirmed before its facts, as in {@code listen}.
     */
    record Understand(Utterance utterance) implements SessionAction {

        /** Typed text, or a test's. */
        public Understand(String text) {
            this(Utterance.typed(text));
        }

        public String text() {
            return utterance.text();
        }
    }

    /** Speak the text (sentence by sentence). */
    record Speak(String text) implements SessionAction {
    }

    /** Stop speaking at once (barge-in, staff call). */
    record StopSpeaking() implements SessionAction {
    }

    /** Show two lines and, when the answer names one, the aisle in large digits. */
    record Show(String top, String bottom, Optional<String> aisle) implements SessionAction {
    }

    /** Set the status lights. */
    record Lights(Light listening, Light staff) implements SessionAction {
    }

    /** Page a team member (staff call). */
    record CallStaff(String reason) implements SessionAction {
    }

    /** Forget the shopper's context: the next press starts a new session. */
    record EndSession() implements SessionAction {
    }

    /** Light patterns, independent of the panel that shows them. */
    enum Light { OFF, ON, BLINK_SLOW, BLINK_FAST }
}
