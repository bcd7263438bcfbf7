package kiosk.speech;

/** A speech failure whose message is one sentence naming what failed, where, and what was expected. */
public class SpeechException extends RuntimeException {

    public SpeechException(String message) {
        super(message);
    }

    public SpeechException(String message, Throwable cause) {
        super(message, cause);
    }
}
