package kiosk.app.staff;

import kiosk.hardware.GpioBeacon;

/** The staff beacon (buzzer, relay) on a GPIO output: on with a call, off when the shopper's session ends. */
public final class BeaconChannel implements StaffChannel {

    private final GpioBeacon beacon;

    public BeaconChannel(GpioBeacon beacon) {
        this.beacon = beacon;
    }

    @Override
    public String name() {
        return "beacon";
    }

    @Override
    public void deliver(StaffMessage message) {
        beacon.set(true);
    }

    @Override
    public void sessionEnded() {
        beacon.set(false);
    }

    @Override
    public void close() {
        beacon.close();
    }
}
