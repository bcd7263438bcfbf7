package kiosk.hardware;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the raw level of a button into gestures: a level counts only after it has held for the debounce time (a
 * mechanical contact bounces for a few milliseconds), and a press held past the long-press time is reported once.
 * Pure: fed the level and the time in nanoseconds; {@link #tick(long)} lets time pass without an edge.
 */
public final class ButtonGestures {

    private final long debounceNanos;
    private final long longPressNanos;
    private boolean rawPressed;
    private long rawSince;
    private boolean pressed;
    private long pressedAt;
    private boolean longReported;

    public ButtonGestures(Duration debounce, Duration longPress) {
        this.debounceNanos = debounce.toNanos();
        this.longPressNanos = longPress.toNanos();
    }

    /** A new raw level at {@code nanos}; returns the gestures it completes (usually none until it settles). */
    public List<ButtonEvent> feed(boolean level, long nanos) {
        List<ButtonEvent> events = tick(nanos);
        if (level != rawPressed) {
            rawPressed = level;
            rawSince = nanos;
        }
        return events;
    }

    /** Lets time pass: a settled level becomes a press or release, a long hold a long press. */
    public List<ButtonEvent> tick(long nanos) {
        List<ButtonEvent> events = new ArrayList<>();
        if (rawPressed != pressed && nanos - rawSince >= debounceNanos) {
            pressed = rawPressed;
            if (pressed) {
                pressedAt = rawSince;
                longReported = false;
                events.add(new ButtonEvent.Pressed());
            } else {
                events.add(new ButtonEvent.Released(Duration.ofNanos(rawSince - pressedAt), longReported));
            }
        }
        if (pressed && !longReported && nanos - pressedAt >= longPressNanos) {
            longReported = true;
            events.add(new ButtonEvent.LongPress());
        }
        return events;
    }

    public boolean pressed() {
        return pressed;
    }
}
