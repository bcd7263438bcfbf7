package kiosk.hardware;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the kiosk's panel is built and wired.
 *
 * @param kind           {@code auto} (the GPIO panel on a Raspberry Pi, the console elsewhere), {@code console} or
 *                       {@code gpio}
 * @param talkButton     the talk button's BCM GPIO number (0 to 27), or -1 when not fitted; so are the staff
 *                       button, the two lights and the presence sensor. Buttons switch the line to ground.
 * @param debounce       how long a button's level must hold before it counts
 * @param longPress      when a held button counts as a long press; the GPIO panel makes no event of it today,
 *                       because holding the talk button is how a shopper speaks (see {@link GpioPanel})
 * @param display        {@code lcd-16x2}, {@code lcd-20x4}, {@code oled-128x64} or {@code none}
 * @param displayAddress the display's 7-bit I2C address, e.g. 0x27 for a PCF8574 backpack, 0x3C for an SSD1306
 */
public record PanelSettings(String kind, int talkButton, int staffButton, int listeningLight, int staffLight,
                            int presenceSensor, Duration debounce, Duration longPress, String display, int i2cBus,
                            int displayAddress) {

    private static final List<String> KINDS = List.of("auto", "console", "gpio");
    private static final List<String> DISPLAYS = List.of("lcd-16x2", "lcd-20x4", "oled-128x64", "none");
    static final int NOT_FITTED = -1;

    public PanelSettings {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("panel kind must be one of " + KINDS + ", not '" + kind + "'");
        }
        if (!DISPLAYS.contains(display)) {
            throw new IllegalArgumentException("display must be one of " + DISPLAYS + ", not '" + display + "'");
        }
        Map<Integer, String> pins = new HashMap<>();
        checkPin(pins, "talk button", talkButton);
        checkPin(pins, "staff button", staffButton);
        checkPin(pins, "listening light", listeningLight);
        checkPin(pins, "staff light", staffLight);
        checkPin(pins, "presence sensor", presenceSensor);
        if (debounce.isNegative() || debounce.isZero() || longPress.compareTo(debounce) <= 0) {
            throw new IllegalArgumentException("the debounce time must be positive and shorter than the long press, "
                    + "not " + debounce.toMillis() + " and " + longPress.toMillis() + " ms");
        }
        if (i2cBus < 0 || displayAddress < 0x03 || displayAddress > 0x77) {
            throw new IllegalArgumentException(String.format("no I2C bus %d with a device at 0x%02X: the bus is 0 or "
                    + "more, the address from 0x03 to 0x77", i2cBus, displayAddress));
        }
    }

    /** The kiosk's standard wiring: an LCD 16x2 backpack at 0x27 on bus 1, buttons on 17/27, lights on 22/23. */
    public static PanelSettings defaults() {
        return new PanelSettings("auto", 17, 27, 22, 23, NOT_FITTED, Duration.ofMillis(30), Duration.ofMillis(800),
                "lcd-16x2", 1, 0x27);
    }

    /** Two parts on one pin would fight each other (an output driving a button's line), so it is refused here. */
    private static void checkPin(Map<Integer, String> taken, String part, int pin) {
        if (pin == NOT_FITTED) {
            return;
        }
        if (pin < 0 || pin > 27) {
            throw new IllegalArgumentException("the " + part + " needs a BCM GPIO number from 0 to 27 (or -1 for "
                    + "none), not " + pin);
        }
        String other = taken.putIfAbsent(pin, part);
        if (other != null) {
            throw new IllegalArgumentException("the " + part + " and the " + other + " are both on GPIO " + pin);
        }
    }
}
