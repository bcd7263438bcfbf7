package kiosk.app.commands;

import java.util.Map;

/**
 * The published benchmark's acceptance rule: an utterance counts when the intent matches and every labelled slot is
 * present with the same value after trimming; extra slots do not count against it.
 */
public final class IntentScore {

    private IntentScore() {
    }

    public static boolean accepted(String expectedIntent, Map<String, String> expectedSlots, CommandResult result) {
        if (!(result instanceof CommandResult.Understood understood) || !understood.intent().equals(expectedIntent)) {
            return false;
        }
        for (Map.Entry<String, String> slot : expectedSlots.entrySet()) {
            String got = understood.slots().get(slot.getKey());
            if (got == null || !got.strip().equals(slot.getValue().strip())) {
                return false;
            }
        }
        return true;
    }
}
