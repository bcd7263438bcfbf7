package kiosk.app.journal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One turn as the journal keeps it: never audio, and text only already redacted (and only when the settings allow).
 *
 * @param time       when the reply was given
 * @param session    which shopper session the turn belongs to (a random id per session)
 * @param text       what the shopper said, redacted; empty when the settings keep counts only
 * @param intent     what it was understood to ask
 * @param sku        the catalog item the reply is about
 * @param faq        the FAQ entry the reply is about
 * @param request    what the shopper asked for that the store does not list, redacted; empty as {@code text}
 * @param outcome    how the turn ended
 * @param confidence how sure the understanding was, 0..1
 * @param timingsMs  milliseconds per stage (listen, recognize, understand, speak…)
 */
public record JournalTurn(Instant time, String session, Optional<String> text, String intent, Optional<String> sku,
                          Optional<String> faq, Optional<String> request, Outcome outcome, double confidence,
                          Map<String, Double> timingsMs) {

    public JournalTurn {
        timingsMs = Map.copyOf(timingsMs);
    }
}
