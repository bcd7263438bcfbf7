package kiosk.app.staff;

/**
 * One way a staff call reaches a person: a webhook, an MQTT topic, a GPIO beacon, the display. Called only from the
 * staff desk's thread; a failure is thrown and the desk tries again later.
 */
public interface StaffChannel extends AutoCloseable {

    /** The channel's name in the journal and in {@code kioskctl status}: webhook, mqtt, beacon, display. */
    String name();

    /** Delivers the call's JSON message; returns normally only when the channel has taken it. */
    void deliver(StaffMessage message) throws Exception;

    /** The shopper's session ended (a beacon goes off); called from the turn's thread. */
    default void sessionEnded() {
    }

    @Override
    default void close() {
    }
}
