package kiosk.speech;

import java.util.Objects;

/** What a recognizer reports after each chunk of audio. */
public sealed interface RecognitionEvent {

    /** Nothing new to show. */
    record Nothing() implements RecognitionEvent {
    }

    /** The growing guess of what is being said, for the display. */
    record Partial(String text) implements RecognitionEvent {
    }

    /**
     * Trailing silence reached the endpoint: the utterance is over and this is its final transcript.
     * {@code completeTurn}: it ended after the short silence of a complete turn ({@link EndOfSpeech#semantic()}), so
     * the shopper may yet go on. {@code noiseFloor}: the noise floor the endpoint was judged against, for the
     * listening on after an early end to start from ({@link EndOfSpeech#continuing}).
     */
    record Endpoint(Transcript transcript, boolean completeTurn, NoiseFloor noiseFloor) implements RecognitionEvent {
        public Endpoint {
            Objects.requireNonNull(noiseFloor, "noiseFloor: NoiseFloor.NONE when none was learned");
        }

        public Endpoint(Transcript transcript) {
            this(transcript, false, NoiseFloor.NONE);
        }
    }
}
