package kiosk.speech;

import java.util.List;
import java.util.function.Supplier;

import com.sun.speech.freetts.UtteranceProcessor;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.cart.Durator;

/**
 * Puts one of the kiosk's steps into an allocated FreeTTS voice's pipeline beside the step that computes durations
 * ({@link Durator}): before it to change what durations are computed from, after it to change the computed times. A
 * voice FreeTTS hands out again already has the step and is left as it is.
 */
final class DurationSteps {

    /** Where the step goes, relative to the durations. */
    enum Place { BEFORE, AFTER }

    private DurationSteps() {
    }

    /**
     * Adds the step {@code make} builds, of {@code kind}, at {@code place}; {@code purpose} completes "computes no
     * durations to …" in the message when the voice has no such step.
     */
    static void install(Voice voice, Class<? extends UtteranceProcessor> kind, Supplier<UtteranceProcessor> make,
                        Place place, String purpose) {
        @SuppressWarnings("unchecked")
        List<UtteranceProcessor> processors = voice.getUtteranceProcessors();
        for (int i = 0; i < processors.size(); i++) {
            if (kind.isInstance(processors.get(i))) {
                return; // a voice FreeTTS handed out before
            }
            if (processors.get(i) instanceof Durator) {
                processors.add(place == Place.BEFORE ? i : i + 1, make.get());
                return;
            }
        }
        throw new SpeechException("the FreeTTS voice " + voice.getName() + " computes no durations to " + purpose
                + " (its steps: " + processors + ")");
    }
}
