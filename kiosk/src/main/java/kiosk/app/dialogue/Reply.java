package kiosk.app.dialogue;

import java.util.Map;
import java.util.Optional;

/**
 * The kiosk's answer to one turn.
 *
 * @param heard      what the shopper said (as recognized or typed)
 * @param intent     what it was understood to ask (product_location, store_hours, call_staff, …)
 * @param slots      what it was about (product, sku, department, day, faq)
 * @param answer     what the kiosk says and shows, built only from the store's facts
 * @param confidence how sure the understanding is, 0..1
 * @param escalate   a team member is being called
 * @param aisle      the aisle to show in large digits, when the answer names one
 * @param timingsMs  how long each stage took
 */
public record Reply(String heard, String intent, Map<String, String> slots, String answer, double confidence,
                    boolean escalate, Optional<String> aisle, Map<String, Double> timingsMs) {

    public Reply {
        slots = Map.copyOf(slots);
        timingsMs = Map.copyOf(timingsMs);
    }

    /** The same reply saying something else (the same facts, framed differently). */
    public Reply withAnswer(String text) {
        return new Reply(heard, intent, slots, text, confidence, escalate, aisle, timingsMs);
    }

    public Reply withTimings(Map<String, Double> timings) {
        return new Reply(heard, intent, slots, answer, confidence, escalate, aisle, timings);
    }
}
