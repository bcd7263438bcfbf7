package kiosk.hardware;

/** What a status light does; a blinking light is driven by the panel's ticker. */
public enum Light {
    OFF, ON, BLINK_SLOW, BLINK_FAST;

    /** Whether the light is lit at {@code millis} on a free-running clock. */
    public boolean litAt(long millis) {
        return switch (this) {
            case OFF -> false;
            case ON -> true;
            case BLINK_SLOW -> millis % 1000 < 500;
            case BLINK_FAST -> millis % 250 < 125;
        };
    }
}
