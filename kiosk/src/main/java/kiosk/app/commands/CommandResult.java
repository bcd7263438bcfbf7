package kiosk.app.commands;

import java.util.Map;

/** What a spoken command was understood as: an intent with its slots, or nothing the contexts say. */
public sealed interface CommandResult {

    /** The best expression fits the words well enough to act on. */
    record Understood(String context, String intent, Map<String, String> slots, double confidence)
            implements CommandResult {
        public Understood {
            slots = Map.copyOf(slots);
        }
    }

    /** No expression fits well enough; acting on a guess would be worse than asking again. */
    record NotUnderstood(String reason) implements CommandResult {
    }
}
