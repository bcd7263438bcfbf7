package kiosk.model;

/** A model that cannot be loaded or run; the message is one sentence naming the path and what was expected. */
public class ModelException extends RuntimeException {

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
