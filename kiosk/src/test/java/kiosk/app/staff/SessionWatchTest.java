package kiosk.app.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import kiosk.app.config.KioskConfig;
import kiosk.app.dialogue.Reply;
import kiosk.app.journal.Outcome;
import kiosk.app.privacy.Redactor;
import org.junit.jupiter.api.Test;

/** When a session needs a person, and the summary the person reads. */
class SessionWatchTest {

    private final KioskConfig.Staff settings = KioskConfig.defaults(Path.of("kiosk.conf")).staff();

    private SessionWatch watch() {
        return new SessionWatch(settings, new Redactor());
    }

    private static Reply reply(String heard, String intent, Map<String, String> slots, double confidence,
                               boolean escalate) {
        return new Reply(heard, intent, slots, "answer", confidence, escalate, Optional.empty(), Map.of());
    }

    private static Optional<Cause> after(SessionWatch watch, Reply reply) {
        return watch.after(reply, new SessionWatch.OutcomeAndLevel(Outcome.of(reply), OptionalDouble.empty()));
    }

    @Test
    void theExampleOfTheIssue() {
        SessionWatch watch = watch();
        assertEquals(Optional.empty(), after(watch, reply("do you have a three quarter inch pvc elbow", "not_found",
                Map.of("subject", "3/4-inch PVC elbow"), 0.8, false)));
        assertEquals(Optional.empty(), after(watch, reply("mumble", "not_understood", Map.of(), 0, false)));
        after(watch, reply("where is the drill", "product_location", Map.of("product", "cordless drill"), 0.9,
                false));
        assertEquals(Optional.empty(), after(watch, reply("grr", "not_understood", Map.of(), 0, false)));
        assertEquals(Optional.of(Cause.ASKED_FOR_PERSON), after(watch, reply("can I talk to a person", "call_staff",
                Map.of(), 1, true)));
        assertEquals("Asked for 3/4-inch PVC elbow (not in catalog), then about cordless drill (answered), then for "
                + "a person. Frustration: 2 turns not caught. Called because: asked for person.",
                watch.summary(Cause.ASKED_FOR_PERSON));
    }

    @Test
    void turnsNotCaughtInARowCallAfterTheConfiguredNumber() {
        SessionWatch watch = watch();
        assertEquals(2, settings.callAfterMisses());
        assertEquals(Optional.empty(), after(watch, reply("hmm", "not_understood", Map.of(), 0, false)));
        assertEquals(Optional.of(Cause.NOT_CAUGHT), after(watch, reply("", "not_understood", Map.of(), 0, false)));
    }

    @Test
    void frustrationRepeatsUnsureAnswersAndARaisedVoice() {
        assertEquals(Optional.of(Cause.FRUSTRATED), after(watch(), reply("this is useless", "not_found",
                Map.of("subject", "useless"), 0.6, false)));

        SessionWatch repeated = watch();
        assertEquals(Optional.empty(), after(repeated, reply("Where is the hose?", "product_location",
                Map.of("product", "garden hose"), 0.9, false)));
        assertEquals(Optional.of(Cause.REPEATED_QUESTION), after(repeated, reply("where is the hose",
                "product_location", Map.of("product", "garden hose"), 0.9, false)));

        SessionWatch unsure = watch();
        assertEquals(3, settings.callAfterUnsure());
        for (String question : new String[] {"the thing for pipes", "the other pipe thing"}) {
            assertEquals(Optional.empty(), after(unsure, reply(question, "clarify", Map.of(), 0.3, false)));
        }
        assertEquals(Optional.of(Cause.LOW_CONFIDENCE), after(unsure, reply("pipe stuff", "clarify", Map.of(), 0.3,
                false)));

        SessionWatch loud = watch();
        Reply calm = reply("where is the paint", "product_location", Map.of("product", "paint"), 0.9, false);
        assertEquals(Optional.empty(), loud.after(calm, new SessionWatch.OutcomeAndLevel(Outcome.ANSWERED,
                OptionalDouble.of(-20))));
        Reply shouted = reply("where is the glue", "product_location", Map.of("product", "glue"), 0.9, false);
        assertEquals(Optional.of(Cause.RAISED_VOICE), loud.after(shouted,
                new SessionWatch.OutcomeAndLevel(Outcome.ANSWERED, OptionalDouble.of(-3))));
    }

    @Test
    void theSummaryCarriesNoPersonalData() {
        SessionWatch watch = watch();
        after(watch, reply("my number is 555 867 5309 call me about the drill", "not_found",
                Map.of("subject", "number five hundred fifty five eight hundred sixty seven drill"), 0.7, false));
        String summary = watch.summary(Cause.STAFF_BUTTON);
        assertEquals("Asked for number drill (not in catalog). Called because: staff button.", summary);
    }
}
