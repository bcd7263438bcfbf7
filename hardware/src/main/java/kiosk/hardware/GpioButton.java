package kiosk.hardware;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;

/**
 * A push button on a GPIO pin, wired to ground with the internal pull-up: pressed reads LOW. Edges go through
 * {@link ButtonGestures}; {@link #tick()} must be called every few milliseconds (the panel's ticker does) so that a
 * settled level and a long press are noticed without another edge.
 */
public final class GpioButton implements AutoCloseable {

    private final Context pi4j;
    private final DigitalInput input;
    private final ButtonGestures gestures;
    private final Consumer<ButtonEvent> listener;
    private final LongSupplier nanoClock;

    public GpioButton(Context pi4j, String id, int bcmPin, ButtonGestures gestures, Consumer<ButtonEvent> listener,
                      LongSupplier nanoClock) {
        this.pi4j = pi4j;
        this.gestures = gestures;
        this.listener = listener;
        this.nanoClock = nanoClock;
        this.input = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(id).address(bcmPin)
                .pull(PullResistance.PULL_UP).build());
        input.addListener(event -> level(event.state() == DigitalState.LOW));
    }

    /**
     * The line's level now (an edge from Pi4J's thread, or a read at start). Pi4J's thread reports edges and the
     * panel's ticker ticks: the gestures see one at a time.
     */
    public synchronized void level(boolean pressed) {
        deliver(gestures.feed(pressed, nanoClock.getAsLong()));
    }

    public synchronized void tick() {
        deliver(gestures.tick(nanoClock.getAsLong()));
    }

    private void deliver(List<ButtonEvent> events) {
        events.forEach(listener);
    }

    /** Releases the pin; the Pi4J context that created it is shut down by its owner, last. */
    @Override
    public void close() {
        if (!pi4j.isShutdown()) {
            pi4j.shutdown(input.id());
        }
    }
}
