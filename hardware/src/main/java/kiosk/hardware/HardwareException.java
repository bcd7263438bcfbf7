package kiosk.hardware;

/** A device that is absent or stopped answering; the message names it (bus, address, pin). */
public class HardwareException extends RuntimeException {

    public HardwareException(String message, Throwable cause) {
        super(message, cause);
    }

    public HardwareException(String message) {
        super(message);
    }
}
