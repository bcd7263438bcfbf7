package kiosk.app.run;

import java.util.concurrent.CompletableFuture;

import kiosk.app.dialogue.Reply;
import kiosk.app.session.SessionEvent;
import kiosk.hardware.PanelEvent;

/**
 * Everything the kiosk loop's one thread takes from its queue. Events from a turn's workers carry the turn's id, so
 * that a late one from an interrupted turn (the end of a reply cut short by a barge-in) cannot act on the next.
 * Each event hands itself to the matching {@link Handler} method: a new kind of event does not compile until the
 * loop handles it.
 */
public sealed interface KioskEvent {

    void deliverTo(Handler handler);

    /** The loop's side: one method per kind of event. */
    interface Handler {
        void typed(PanelEvent event);

        void now(SessionEvent event);

        void fromTurn(long turn, SessionEvent event);

        void answered(long turn, String heard, Reply reply);

        void resumed(long listeningTurn, SessionEvent event);

        void failed(long turn, Stage stage, Throwable error);

        void reloaded(ReloadOutcome outcome, CompletableFuture<String> reply);
    }

    /** A console line (question, WAV path, presence, /quit): waits until the session is free, in order. */
    record Typed(PanelEvent event) implements KioskEvent {
        @Override
        public void deliverTo(Handler handler) {
            handler.typed(event);
        }
    }

    /** A button, a device fault or the clock: handled at once (a press while speaking is a barge-in). */
    record Now(SessionEvent event) implements KioskEvent {
        @Override
        public void deliverTo(Handler handler) {
            handler.now(event);
        }
    }

    /** Partial text, the final transcript or the end of a reply, from turn {@code turn}'s worker. */
    record FromTurn(long turn, SessionEvent event) implements KioskEvent {
        @Override
        public void deliverTo(Handler handler) {
            handler.fromTurn(turn, event);
        }
    }

    /**
     * The shopper went on after a question that ended early (its reply has begun): what the listening worker of turn
     * {@code listeningTurn} hears of the rest ({@link SessionEvent.Partial}: the question so far; the first one stops
     * the reply) and then the whole question ({@link SessionEvent.Heard}). Not stale when the reply's turn began: the
     * listening worker is still the shopper's, until a new press takes the microphone.
     */
    record Resumed(long listeningTurn, SessionEvent event) implements KioskEvent {
        @Override
        public void deliverTo(Handler handler) {
            handler.resumed(listeningTurn, event);
        }
    }

    /** Turn {@code turn}'s answer to what was heard. */
    record Answered(long turn, String heard, Reply reply) implements KioskEvent {
        @Override
        public void deliverTo(Handler handler) {
            handler.answered(turn, heard, reply);
        }
    }

    /** A worker of turn {@code turn} threw: the fault is reported and the session recovers. */
    record WorkerFailed(long turn, Stage stage, Throwable error) implements KioskEvent {
        @Override
        public void deliverTo(Handler handler) {
            handler.failed(turn, stage, error);
        }
    }

    /** A reload read the files (off the loop's thread); applied between turns. */
    record ReloadReady(ReloadOutcome outcome, CompletableFuture<String> reply) implements KioskEvent {
        @Override
        public void deliverTo(Handler handler) {
            handler.reloaded(outcome, reply);
        }
    }
}
