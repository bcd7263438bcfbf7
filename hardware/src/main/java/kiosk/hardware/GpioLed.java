package kiosk.hardware;

import java.util.function.LongSupplier;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;

/**
 * A status LED on a GPIO pin. Its pattern ({@link Light}) is applied by {@link #tick()}, which the panel calls every
 * few tens of milliseconds; the pin is written only when its level changes.
 */
public final class GpioLed implements AutoCloseable {

    private final Context pi4j;
    private final DigitalOutput output;
    private final LongSupplier millisClock;
    private Light pattern = Light.OFF;
    private boolean lit;

    public GpioLed(Context pi4j, String id, int bcmPin, LongSupplier millisClock) {
        this.pi4j = pi4j;
        this.millisClock = millisClock;
        this.output = pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(id).address(bcmPin)
                .initial(DigitalState.LOW).shutdown(DigitalState.LOW).build());
    }

    public synchronized void show(Light light) {
        pattern = light;
        tick();
    }

    public synchronized void tick() {
        boolean shouldLight = pattern.litAt(millisClock.getAsLong());
        if (shouldLight != lit) {
            lit = shouldLight;
            output.state(lit ? DigitalState.HIGH : DigitalState.LOW);
        }
    }

    @Override
    public void close() {
        if (!pi4j.isShutdown()) {
            pi4j.shutdown(output.id());
        }
    }
}
