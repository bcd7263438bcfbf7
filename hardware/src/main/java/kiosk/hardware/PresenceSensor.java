package kiosk.hardware;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;

/**
 * A PIR motion sensor (HIGH while it sees motion). Someone is present from the first HIGH; absent only after the
 * sensor has stayed LOW for the hold time, because a shopper standing still stops triggering it.
 */
public final class PresenceSensor implements AutoCloseable {

    private final Context pi4j;
    private final DigitalInput input;
    private final long holdNanos;
    private final LongSupplier nanoClock;
    private final Consumer<Boolean> listener;
    private boolean present;
    private long lastMotion;

    public PresenceSensor(Context pi4j, String id, int bcmPin, Duration hold, LongSupplier nanoClock,
                          Consumer<Boolean> listener) {
        this.pi4j = pi4j;
        this.holdNanos = hold.toNanos();
        this.nanoClock = nanoClock;
        this.listener = listener;
        this.input = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(id).address(bcmPin)
                .pull(PullResistance.PULL_DOWN).build());
        input.addListener(event -> motion(event.state() == DigitalState.HIGH));
    }

    private synchronized void motion(boolean high) {
        // the hold time counts from the end of the motion, the falling edge, not from its start
        lastMotion = nanoClock.getAsLong();
        if (high) {
            if (!present) {
                present = true;
                listener.accept(true);
            }
        }
    }

    /** Called by the panel's ticker: reports absence once the hold time has passed without motion. */
    public synchronized void tick() {
        boolean stillHigh = input.state() == DigitalState.HIGH;
        if (stillHigh) {
            lastMotion = nanoClock.getAsLong();
        } else if (present && nanoClock.getAsLong() - lastMotion >= holdNanos) {
            present = false;
            listener.accept(false);
        }
    }

    @Override
    public void close() {
        if (!pi4j.isShutdown()) {
            pi4j.shutdown(input.id());
        }
    }
}
