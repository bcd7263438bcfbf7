package kiosk.app.commands;

/** A command context file that cannot be used; the message names the file, the line and what is wrong. */
public class ContextException extends RuntimeException {

    public ContextException(String message) {
        super(message);
    }
}
