package kiosk.hardware;

import java.time.Duration;

/** What a push button did, after debouncing. */
public sealed interface ButtonEvent {

    record Pressed() implements ButtonEvent {
    }

    /** Released after {@code held}; {@code afterLongPress} when a {@link LongPress} was already reported. */
    record Released(Duration held, boolean afterLongPress) implements ButtonEvent {
    }

    record LongPress() implements ButtonEvent {
    }
}
