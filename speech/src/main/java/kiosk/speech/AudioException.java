package kiosk.speech;

/** Audio that cannot be used: not a WAV file, truncated, an unsupported encoding, too long, or no device. */
public class AudioException extends SpeechException {

    public AudioException(String message) {
        super(message);
    }

    public AudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
