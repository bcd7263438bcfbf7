package kiosk.hardware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;

/**
 * A staff beacon, buzzer or relay on a GPIO output: on while a team member is called, off again when the call is
 * over. Owns a Pi4J context of its own when opened with {@link #open(int)} (the panel's context is the panel's), and
 * shuts it down on {@link #close()}.
 */
public final class GpioBeacon implements AutoCloseable {

    private final Context pi4j;
    private final boolean ownsContext;
    private final GpioLed output;

    GpioBeacon(Context pi4j, int bcmPin, boolean ownsContext) {
        this.pi4j = pi4j;
        this.ownsContext = ownsContext;
        this.output = new GpioLed(pi4j, "staff-beacon", bcmPin, System::currentTimeMillis);
    }

    /** The beacon on {@code bcmPin} of this Raspberry Pi. */
    public static GpioBeacon open(int bcmPin) {
        Context pi4j;
        try {
            pi4j = Pi4J.newAutoContext();
        } catch (RuntimeException e) {
            throw new HardwareException("Pi4J could not start for the staff beacon: " + e.getMessage(), e);
        }
        try {
            return new GpioBeacon(pi4j, bcmPin, true);
        } catch (RuntimeException e) {
            pi4j.shutdown();
            throw new HardwareException("the staff beacon on GPIO " + bcmPin + " cannot be used: " + e.getMessage(),
                    e);
        }
    }

    /** The beacon on {@code bcmPin} of a context the caller owns (tests: Pi4J's mock platform). */
    public static GpioBeacon on(Context pi4j, int bcmPin) {
        return new GpioBeacon(pi4j, bcmPin, false);
    }

    public void set(boolean on) {
        output.show(on ? Light.ON : Light.OFF);
    }

    @Override
    public void close() {
        output.close();
        if (ownsContext && !pi4j.isShutdown()) {
            pi4j.shutdown();
        }
    }
}
