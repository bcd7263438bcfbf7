package kiosk.speech;

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
     * the shopper may yet go on.
     */
    record Endpoint(Transcript transcript, boolean completeTurn) implements RecognitionEvent {
        public Endpoint(Transcript transcript) {
            this(transcript, false);
        }
    }
}
