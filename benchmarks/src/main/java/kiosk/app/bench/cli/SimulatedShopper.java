package kiosk.app.bench.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import kiosk.app.bench.QuestionSet;
import kiosk.app.dialogue.Reply;
import kiosk.app.voice.ShopperSession;

/**
 * The shopper's side of a confirmation in {@code bench spoken}: when the kiosk names one product back ("Did you say
 * the Ice Melt?", "Do you mean the Tweezers?") instead of answering, the shopper says "yes" if that is the product
 * they asked about and "no" otherwise, and the kiosk's next answer is what they get. A question set names no product,
 * only the facts a right answer holds, so the product the shopper meant is the one the kiosk answers the same
 * question with when it is typed after the same earlier turns typed (a product's facts, or the choices it offers):
 * where the typed understanding is wrong, "yes" leads to the same wrong answer, which is then scored as wrong. A
 * question about something the store does not sell meant no product of the store's: "no".
 */
final class SimulatedShopper {

    /** What the shopper says to a confirmation. */
    enum Answer {
        YES("yes"), NO("no");

        final String said;

        Answer(String said) {
            this.said = said;
        }
    }

    private final Supplier<ShopperSession> newSession;

    SimulatedShopper(Supplier<ShopperSession> newSession) {
        this.newSession = newSession;
    }

    /** The SKU of the one product {@code reply} names back as a question, if it is such a confirmation. */
    static Optional<String> confirmed(Reply reply) {
        String choices = reply.slots().get("choices");
        return reply.intent().equals("clarify") && choices != null && !choices.isEmpty() && !choices.contains("|")
                ? Optional.of(choices) : Optional.empty();
    }

    /** The shopper's answer, for turn {@code index} of {@code turns}, to being asked about the product {@code sku}. */
    Answer answer(List<QuestionSet.Turn> turns, int index, String sku) {
        QuestionSet.Turn turn = turns.get(index);
        if (turn.expectNone()) {
            return Answer.NO;
        }
        ShopperSession typed = newSession.get();
        for (QuestionSet.Turn before : turns.subList(0, index)) {
            typed.respond(before.ask());
        }
        Reply meant = typed.respond(turn.ask());
        boolean named = sku.equals(meant.slots().get("sku"))
                || Arrays.asList(meant.slots().getOrDefault("choices", "").split("\\|")).contains(sku);
        return named ? Answer.YES : Answer.NO;
    }
}
