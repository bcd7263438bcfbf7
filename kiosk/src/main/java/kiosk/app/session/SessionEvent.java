package kiosk.app.session;

/**
 * Everything that can happen to a kiosk session, in the order the loop may deliver it.
 *
 * <p>Allowed order within a turn: {@link TalkPressed} (or {@link PresenceChanged} with someone present) →
 * {@link Partial}* → {@link Heard} → {@link Answered} → {@link SpeechDone}. {@link StaffPressed}, {@link Fault},
 * {@link Tick} and {@link TalkPressed} (barge-in) may arrive at any time; events that do not fit the current state
 * are ignored by the machine, never an error, because buttons and sensors do not know what the kiosk is doing.
 */
public sealed interface SessionEvent {

    /** The talk button went down (or a hands-free trigger fired). */
    record TalkPressed() implements SessionEvent {
    }

    /** The talk button came up: push-to-talk ends the utterance. */
    record TalkReleased() implements SessionEvent {
    }

    /** The "call staff" button. */
    record StaffPressed() implements SessionEvent {
    }

    /** The presence sensor saw someone arrive ({@code present}) or leave. */
    record PresenceChanged(boolean present) implements SessionEvent {
    }

    /** Recognition's growing guess while the shopper speaks. */
    record Partial(String text) implements SessionEvent {
    }

    /** The final transcript of one utterance (possibly empty: silence or noise), with the recognizer's evidence. */
    record Heard(Utterance utterance) implements SessionEvent {

        /** Typed text, or a test's. */
        public Heard(String text) {
            this(Utterance.typed(text));
        }

        public String text() {
            return utterance.text();
        }
    }

    /** The answer to what was heard. */
    record Answered(String answer, boolean escalate, java.util.Optional<String> aisle, boolean goodbye)
            implements SessionEvent {
    }

    /** The reply has finished playing (or was stopped). */
    record SpeechDone() implements SessionEvent {
    }

    /** A device failed ({@code component} is "display", "microphone", …) or recovered. */
    record Fault(String component, String message, boolean recovered) implements SessionEvent {
    }

    /** Time passes; the machine checks its timeouts against {@code nowMillis} of {@link SessionMachine#handle}. */
    record Tick() implements SessionEvent {
    }
}
