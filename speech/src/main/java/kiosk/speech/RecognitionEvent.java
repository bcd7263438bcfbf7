package kiosk.speech;

/** What a recognizer reports after each chunk of audio. */
public sealed interface RecognitionEvent {

    /** Nothing new to show. */
    record Nothing() implements RecognitionEvent {
    }

    /** The growing guess of what is being said, for the display. */
    record Partial(String text) implements RecognitionEvent {
    }

    /** Trailing silence reached the endpoint: the utterance is over and this is its final transcript. */
    record Endpoint(Transcript transcript) implements RecognitionEvent {
    }
}
