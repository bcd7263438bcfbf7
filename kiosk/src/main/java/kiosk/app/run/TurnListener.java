package kiosk.app.run;

import java.util.Map;
import java.util.Optional;

import kiosk.app.dialogue.Reply;

/**
 * Told about every turn of {@code kiosk run} when it is over: the one place where counts, a journal or metrics
 * follow the turns. Called on the loop's thread: keep it quick (hand slow work to a thread of your own).
 */
@FunctionalInterface
public interface TurnListener {

    void finished(FinishedTurn turn);

    /** How a turn ended. */
    enum Outcome {
        /** Answered and the answer spoken (or stopped by a barge-in). */
        ANSWERED,
        /** Nothing was heard (silence, noise, no microphone). */
        NOT_HEARD,
        /** A worker failed; the shopper was asked to ask again. */
        FAILED
    }

    /**
     * One turn: what was heard (empty when nothing was, or {@code privacy.log_transcripts} decides elsewhere), the
     * reply, which stage failed, and the timings ({@code stt_final}: end of audio to final text, {@code understand},
     * {@code first_audio}: final text to the first reply audio, in ms).
     */
    record FinishedTurn(long id, Outcome outcome, Optional<String> heard, Optional<Reply> reply,
                        Optional<Stage> failedStage, Map<String, Double> timingsMs) {
    }

    /** The counts in {@code report.json} ({@code kioskctl report}). */
    static TurnListener counting(TurnCounts counts) {
        return turn -> {
            if (turn.outcome() == Outcome.NOT_HEARD) {
                counts.notHeard();
            } else if (turn.outcome() == Outcome.ANSWERED) {
                turn.reply().ifPresent(reply -> counts.answered(reply.intent()));
            }
        };
    }

    /** Both, in order. */
    default TurnListener andThen(TurnListener next) {
        return turn -> {
            finished(turn);
            next.finished(turn);
        };
    }
}
