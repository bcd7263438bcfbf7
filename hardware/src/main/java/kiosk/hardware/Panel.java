package kiosk.hardware;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The kiosk's physical face: a two-line display (with the aisle shown large when there is one), two status lights
 * (listening, staff called), the talk and staff buttons and a presence sensor. The real one is on GPIO and I2C;
 * the console one is a terminal.
 */
public interface Panel extends AutoCloseable {

    /** Where panel events go; set once, before {@link #start()}. */
    void onEvent(Consumer<PanelEvent> listener);

    /** Starts reading buttons or keys. */
    void start();

    void show(String top, String bottom, Optional<String> aisle);

    void lights(Light listening, Light staff);

    /** "console panel (no GPIO on this machine)", "Raspberry Pi panel: LCD 0x27 on bus 1, buttons on GPIO 17/27". */
    String description();

    @Override
    void close();
}
