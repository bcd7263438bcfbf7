package kiosk.app.bench.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import kiosk.app.bench.AnswerJudge;
import kiosk.app.bench.QuestionSet;
import kiosk.app.dialogue.Reply;
import kiosk.app.voice.ShopperSession;
import kiosk.speech.Reading;
import kiosk.speech.Transcript;

/**
 * Where a spoken turn that missed went wrong, found by answering other texts in its place: each in a new session
 * that first hears the turns before it typed (so a follow-up has the context it was written for), and judged like
 * the spoken answer.
 *
 * <ol>
 * <li>{@link Cause#UNDERSTANDING}: the question itself, typed, is not answered right either;</li>
 * <li>{@link Cause#EARLIER_TURN}: a follow-up whose own transcript is answered right after the earlier turns typed:
 *     what it missed was an earlier turn's;</li>
 * <li>{@link Cause#ASKED_RIGHT_PRODUCT}: the kiosk named a product back ("Did you say the Epoxy?") and "yes" gets
 *     the right answer: one more turn, not a wrong one;</li>
 * <li>{@link Cause#WEIGHING}: a reading of one of the decoders (the free one's, or any of the grammar's n-best)
 *     would have been answered right, typed, but the kiosk took another or asked back;</li>
 * <li>{@link Cause#RECOGNITION}: no reading is answered right: the words were lost.</li>
 * </ol>
 */
final class SpokenMisses {

    /** Why a spoken turn missed, first that applies. */
    enum Cause {
        UNDERSTANDING("understanding (typed question missed too)"),
        EARLIER_TURN("an earlier turn (heard the same after typed earlier turns, right)"),
        ASKED_RIGHT_PRODUCT("asked back, \"yes\" is right"),
        WEIGHING("weighing (a reading was right)"),
        RECOGNITION("recognition (no reading right)");

        final String label;

        Cause(String label) {
            this.label = label;
        }
    }

    /** A miss explained: its cause and which readings, typed, were answered right. */
    record Explained(Cause cause, List<String> rightReadings) {
        String line() {
            return "[" + cause.name().toLowerCase(Locale.ROOT) + (rightReadings.isEmpty() ? ""
                    : ": right when typed: " + String.join("; ", rightReadings)) + "]";
        }
    }

    private final Supplier<ShopperSession> newSession;
    private final AnswerJudge judge;
    private final Map<Cause, Integer> counts = new EnumMap<>(Cause.class);

    SpokenMisses(Supplier<ShopperSession> newSession, AnswerJudge judge) {
        this.newSession = newSession;
        this.judge = judge;
    }

    /** Why turn {@code index} of {@code turns} missed when spoken and heard as {@code heard}. */
    Explained explain(List<QuestionSet.Turn> turns, int index, Transcript heard, Reply spoken) {
        QuestionSet.Turn turn = turns.get(index);
        Explained explained = classify(turns, index, heard, spoken, turn);
        counts.merge(explained.cause(), 1, Integer::sum);
        return explained;
    }

    private Explained classify(List<QuestionSet.Turn> turns, int index, Transcript heard, Reply spoken,
                               QuestionSet.Turn turn) {
        if (!right(turn, typedAfter(turns, index).respond(turn.ask()))) {
            return new Explained(Cause.UNDERSTANDING, List.of());
        }
        if (index > 0 && right(turn, typedAfter(turns, index).respond(heard))) {
            return new Explained(Cause.EARLIER_TURN, List.of());
        }
        if (spoken.intent().equals("clarify") && spoken.slots().containsKey("choices")
                && !spoken.slots().get("choices").contains("|")) {
            ShopperSession session = typedAfter(turns, index);
            session.respond(heard);
            if (right(turn, session.respond("yes"))) {
                return new Explained(Cause.ASKED_RIGHT_PRODUCT, List.of());
            }
        }
        List<String> rightReadings = new ArrayList<>();
        for (String reading : readings(heard)) {
            if (right(turn, typedAfter(turns, index).respond(reading))) {
                rightReadings.add(reading);
            }
        }
        return new Explained(rightReadings.isEmpty() ? Cause.RECOGNITION : Cause.WEIGHING, rightReadings);
    }

    /** Every reading of both decoders, the free one's first, each once. */
    private static Set<String> readings(Transcript heard) {
        Set<String> texts = new LinkedHashSet<>();
        List<Transcript> both = new ArrayList<>();
        both.add(heard);
        heard.rival().ifPresent(both::add);
        both.sort((a, b) -> a.source() == b.source() ? 0 : a.source() == Transcript.Source.FREE ? -1 : 1);
        for (Transcript transcript : both) {
            texts.add(transcript.text());
            transcript.readings().stream().map(Reading::text).filter(text -> !text.isBlank()).forEach(texts::add);
        }
        texts.remove("");
        return texts;
    }

    private boolean right(QuestionSet.Turn turn, Reply reply) {
        return judge.judge(turn, reply.answer()).right();
    }

    /** A new session that has heard the turns before {@code index}, typed. */
    private ShopperSession typedAfter(List<QuestionSet.Turn> turns, int index) {
        ShopperSession session = newSession.get();
        for (QuestionSet.Turn before : turns.subList(0, index)) {
            session.respond(before.ask());
        }
        return session;
    }

    /** The misses of each cause so far. */
    Map<Cause, Integer> counts() {
        return counts;
    }
}
