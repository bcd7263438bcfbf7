package kiosk.app.staff;

import java.util.function.Consumer;

/**
 * A channel on the kiosk itself, given by whoever owns the device: the GPIO beacon (through the panel's pin) or the
 * display's line. Delivered from the staff desk's thread like the others.
 */
public record LocalChannel(String name, Consumer<StaffMessage> device) implements StaffChannel {

    @Override
    public void deliver(StaffMessage message) {
        device.accept(message);
    }
}
