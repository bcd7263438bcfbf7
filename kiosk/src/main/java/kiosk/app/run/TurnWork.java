package kiosk.app.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import kiosk.app.dialogue.GroundedPhrasing;
import kiosk.app.dialogue.Reply;
import kiosk.app.session.SessionEvent;
import kiosk.app.session.Utterance;
import kiosk.app.voice.ShopperSession;
import kiosk.app.voice.Stopwatch;
import kiosk.app.voice.VoiceTurns;
import kiosk.speech.AudioChunk;
import kiosk.speech.AudioSource;
import kiosk.speech.Transcriber;
import org.tinylog.Logger;

/**
 * What a turn's workers do, and the turn in progress: listening (recognition of the microphone or a WAV file),
 * understanding, and speaking (model pack, synthesis, speaker), each on a {@link TurnWorkers} thread that reports
 * back to the loop with the turn's id. Called on the loop's thread only; the workers touch nothing of it but the
 * timings of their own turn. When a shopper's turn is over (answered and spoken, interrupted, not heard, failed) it
 * is reported to the {@link TurnListener}.
 */
final class TurnWork implements AutoCloseable {

    /**
     * Longer than any reply takes to say; beyond it the synthesizer or the speaker is stuck, the watchdog stops and
     * systemd restarts the kiosk. (A fault inside FreeTTS is no such case: it fails the synthesis at once.)
     */
    private static final Duration SPEAKING_ALLOWANCE = Duration.ofSeconds(60);
    /** Longer than any question takes to answer (a command parse, a lookup in 100k rows). */
    private static final Duration UNDERSTANDING_ALLOWANCE = Duration.ofSeconds(30);
    /** After the longest utterance the session finishes listening; the recognizer's last words take a moment. */
    private static final Duration LISTENING_SLACK = Duration.ofSeconds(15);
    /** How long a new listening waits for the last one (in its resumption window) to close the microphone. */
    private static final Duration MICROPHONE_HANDOVER = Duration.ofSeconds(1);

    private final TurnWorkers workers;
    private final Consumer<KioskEvent> events;
    private final Replies replies;
    private final FaultLog faults;
    private final PrintStream log;
    private final TurnListener listener;
    private Optional<TurnWorkers.Work> listening = Optional.empty();
    private Optional<ShopperTurn> turn = Optional.empty();
    /** Done when the last listening has closed its audio source (one reader of the microphone at a time). */
    private CompletableFuture<Void> microphoneFree = CompletableFuture.completedFuture(null);
    private long apologyTurn = -1;

    TurnWork(TurnWorkers workers, Consumer<KioskEvent> events, Replies replies, FaultLog faults, PrintStream log,
             TurnListener listener) {
        this.workers = workers;
        this.events = events;
        this.replies = replies;
        this.faults = faults;
        this.log = log;
        this.listener = listener;
    }

    /** A shopper's turn from the press to the end of the reply; reported once. */
    private static final class ShopperTurn {
        private final long id;
        private final Map<String, Double> timings = new ConcurrentHashMap<>();
        private Optional<String> heard = Optional.empty();
        private Optional<Reply> reply = Optional.empty();
        private long speakingTurn = -1;

        ShopperTurn(long id) {
            this.id = id;
        }
    }

    /** An event of {@code turn} comes too late: a newer turn has begun. */
    boolean stale(long turn) {
        return turn != workers.currentTurn();
    }

    boolean isApology(long turn) {
        return turn == apologyTurn;
    }

    Optional<String> overdue() {
        return workers.overdue();
    }

    /**
     * Starts a turn's listening: typed text is heard at once; otherwise {@code source} streams through recognition
     * ({@code live}: a microphone, ended by the end of speech), partial text shown as it grows. {@code
     * listenWhileSpeaking}: after a question that ended early, the microphone stays open while the reply begins (only
     * where it does not hear the kiosk's own voice, kiosk.conf {@code audio.echo_cancelled}).
     */
    void listen(Optional<String> text, Optional<Supplier<AudioSource>> source, boolean live,
                boolean listenWhileSpeaking, Optional<ShopperSession> session, TurnStages stages, Duration longest) {
        finishTurn(TurnListener.Outcome.ANSWERED, Optional.empty()); // a barge-in ends the reply's turn
        // a listening still open for a resumption gives the microphone up: this press is a new question
        listening.ifPresent(TurnWorkers.Work::cancel);
        CompletableFuture<Void> before = microphoneFree;
        long id = workers.nextTurn();
        ShopperTurn current = new ShopperTurn(id);
        turn = Optional.of(current);
        if (text.isPresent()) {
            listening = Optional.empty();
            events.accept(new KioskEvent.FromTurn(id, new SessionEvent.Heard(text.get())));
            return;
        }
        Supplier<AudioSource> audio = source.orElseThrow();
        CompletableFuture<Void> free = new CompletableFuture<>();
        microphoneFree = free;
        listening = Optional.of(workers.start(id, TurnWorkers.Role.LISTENING, longest.plus(LISTENING_SLACK)
                .plus(VoiceTurns.RESUMPTION_WINDOW), work -> {
            try {
                // the last listening reads its last chunk (≤ 100 ms) and closes the device before this opens it
                before.get(MICROPHONE_HANDOVER.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                Logger.warn("the last listening still held the microphone after {} ms", MICROPHONE_HANDOVER.toMillis());
            }
            try (AudioSource in = Stage.RECOGNITION.call(audio::get)) {
                Transcriber.Result heard = Stage.RECOGNITION.call(() -> stages.listen(in, live, session,
                        partial -> events.accept(new KioskEvent.FromTurn(id, new SessionEvent.Partial(partial))),
                        work::finishRequested));
                long finalText = System.nanoTime();
                current.timings.put("stt_final", Stopwatch.millisBetween(heard.lastChunkNanos(), finalText));
                current.timings.put("audio", (double) heard.audioMillis());
                if (live && heard.ending() == Transcriber.Ending.SOURCE_ENDED && !work.cancelled()) {
                    // a USB microphone unplugged mid-turn: say so once, answer what was heard
                    String message = "the microphone stopped delivering audio";
                    Logger.error(message);
                    faults.remember("microphone: " + message);
                }
                events.accept(new KioskEvent.FromTurn(id, new SessionEvent.Heard(
                        Utterance.spoken(heard.transcript()))));
                // ended early on a short silence: the answer is on its way, and the shopper may not be done. The
                // microphone stays open for the resumption window; words heard there stop the reply and complete
                // the same question (the same listening as bench latency's, VoiceTurns.take). Only where the
                // microphone does not hear the reply (audio.echo_cancelled): elsewhere the reply's own sound would
                // stop it
                while (live && listenWhileSpeaking && session.isPresent()
                        && heard.ending() == Transcriber.Ending.COMPLETE_TURN
                        && !work.cancelled()) {
                    Transcriber.Result sofar = heard;
                    Optional<Transcriber.Result> more = Stage.RECOGNITION.call(() -> stages.listenOn(in, sofar,
                            session.get(), () -> { },
                            partial -> events.accept(new KioskEvent.Resumed(id, new SessionEvent.Partial(partial))),
                            work::finishRequested));
                    if (more.isEmpty() || work.cancelled()) {
                        break;
                    }
                    heard = more.get();
                    current.timings.merge("resumed", 1.0, Double::sum);
                    current.timings.put("audio", (double) heard.audioMillis());
                    events.accept(new KioskEvent.Resumed(id, new SessionEvent.Heard(
                            Utterance.spoken(heard.transcript()))));
                }
            } finally {
                free.complete(null);
            }
        }));
    }

    /**
     * Whether events of the listening of turn {@code listeningTurn} still count: it is the latest listening and no
     * new press has taken the microphone from it.
     */
    boolean listeningFor(long listeningTurn) {
        return listening.filter(work -> work.turn() == listeningTurn && !work.cancelled()).isPresent();
    }

    /**
     * The shopper went on after an early end: the reply stops, the answer to the first words (being understood or
     * said) is dropped, and the same shopper's turn waits for the whole question's answer.
     */
    void resume() {
        stopSpeaking();
        workers.nextTurn(); // the first answer's late events are stale from now on
        ShopperTurn current = turn.orElseGet(() -> {
            // the first answer had been said already and reported: the whole question is a turn of its own
            ShopperTurn again = new ShopperTurn(workers.currentTurn());
            turn = Optional.of(again);
            return again;
        });
        current.reply = Optional.empty();
        current.speakingTurn = -1;
    }

    /** The talk button was released or the longest utterance reached: the recognizer gives its final text. */
    void finishListening() {
        listening.ifPresent(TurnWorkers.Work::finish);
    }

    /** Answers what was heard in the shopper's session, off the loop's thread. */
    void understand(Utterance heard, ShopperSession session, TurnStages stages) {
        String text = heard.text();
        long id = workers.currentTurn();
        turn.ifPresent(current -> current.heard = Optional.of(text));
        Optional<ShopperTurn> current = turn;
        workers.start(id, TurnWorkers.Role.UNDERSTANDING, UNDERSTANDING_ALLOWANCE, work -> {
            long start = System.nanoTime();
            Reply reply = Stage.UNDERSTANDING.call(() -> stages.understand(session, heard));
            current.ifPresent(t -> t.timings.put("understand", Stopwatch.millisBetween(start, System.nanoTime())));
            events.accept(new KioskEvent.Answered(id, text, reply));
        });
    }

    void answered(Reply reply) {
        turn.ifPresent(current -> current.reply = Optional.of(reply));
    }

    /** Nothing was heard: the turn is over. */
    void notHeard() {
        finishTurn(TurnListener.Outcome.NOT_HEARD, Optional.empty());
    }

    /**
     * Speaks {@code text} on a worker of a new turn id, so a press can stop it. The answer to the shopper's question
     * is phrased by the model pack when there is one, each checked sentence synthesized as soon as it is written.
     */
    void speak(String text, TurnStages stages, Optional<GroundedPhrasing> pack, boolean apology) {
        long id = workers.nextTurn();
        if (apology) {
            apologyTurn = id;
        }
        Optional<ShopperTurn> answering = turn.filter(t -> t.speakingTurn < 0 && t.reply.isPresent()
                && t.reply.get().answer().equals(text) && !apology);
        answering.ifPresent(t -> t.speakingTurn = id);
        Optional<GroundedPhrasing> phrasing = answering.filter(t -> !t.reply.get().escalate()).flatMap(t -> pack);
        String heard = answering.flatMap(t -> t.heard).orElse("");
        Optional<Reply> template = answering.flatMap(t -> t.reply);
        long start = System.nanoTime();
        workers.start(id, TurnWorkers.Role.SPEAKING, SPEAKING_ALLOWANCE, work -> {
            Replies.ReplySink sink = Stage.SINK.call(replies::open);
            work.onCancel(sink::stopNow);
            AtomicReference<Exception> sinkFailure = new AtomicReference<>();
            Consumer<AudioChunk> play = chunk -> {
                if (work.cancelled() || sinkFailure.get() != null) {
                    return;
                }
                answering.ifPresent(t -> t.timings.putIfAbsent("first_audio",
                        Stopwatch.millisBetween(start, System.nanoTime())));
                try {
                    sink.write(chunk);
                } catch (RuntimeException e) { // kept, not thrown: thrown here it would be put down to synthesis
                    sinkFailure.compareAndSet(null, e);
                }
            };
            Consumer<String> say = sentence -> Stage.SYNTHESIS.run(() -> stages.synthesize(sentence, play));
            try {
                if (phrasing.isPresent()) {
                    String said = Stage.PACK.call(() -> stages.phrase(phrasing.get(), heard, template.get(), say,
                            work::cancelled));
                    log.println("(phrased: " + said + ")");
                } else {
                    say.accept(text);
                }
            } finally {
                Stage.SINK.run(sink::close);
            }
            if (sinkFailure.get() != null) {
                throw new Stage.Failed(Stage.SINK, sinkFailure.get());
            }
            replies.last().ifPresent(file -> log.println("(spoken reply: " + file + ")"));
            events.accept(new KioskEvent.FromTurn(id, new SessionEvent.SpeechDone()));
        });
    }

    /** Barge-in or a staff call: the reply's audio stops at once. */
    void stopSpeaking() {
        workers.cancel(TurnWorkers.Role.SPEAKING);
    }

    /** The reply of {@code speakingTurn} has been said: the shopper's turn it answered is over. */
    void spoken(long speakingTurn) {
        if (turn.filter(t -> t.speakingTurn == speakingTurn).isPresent()) {
            finishTurn(TurnListener.Outcome.ANSWERED, Optional.empty());
        }
    }

    /**
     * A worker failed: the fault goes to the last errors and the log (the shopper's words only when transcripts may
     * be logged: an understanding or pack error may quote them), and the shopper's turn is over.
     */
    void failed(long turnId, Stage stage, Throwable error, boolean logTranscripts) {
        boolean quotesShopper = stage == Stage.UNDERSTANDING || stage == Stage.PACK;
        String what = quotesShopper && !logTranscripts ? error.getClass().getSimpleName()
                : String.valueOf(error);
        String message = stage.label() + " failed in turn " + turnId + ": " + what;
        if (quotesShopper && !logTranscripts) {
            Logger.error(message);
        } else {
            Logger.error(error, message);
        }
        faults.remember(message);
        log.println("kiosk: " + stage.label() + " failed (" + what + "); the shopper is asked to ask again");
        if (!stale(turnId) || turn.filter(t -> t.speakingTurn == turnId).isPresent()) {
            finishTurn(TurnListener.Outcome.FAILED, Optional.of(stage));
        }
    }

    private void finishTurn(TurnListener.Outcome outcome, Optional<Stage> stage) {
        if (turn.isEmpty()) {
            return;
        }
        ShopperTurn done = turn.get();
        turn = Optional.empty();
        if (outcome == TurnListener.Outcome.ANSWERED && done.reply.isEmpty()) {
            return; // pressed again before an answer: nothing to report
        }
        try {
            listener.finished(new TurnListener.FinishedTurn(done.id, outcome, done.heard, done.reply, stage,
                    Map.copyOf(done.timings)));
        } catch (RuntimeException e) {
            Logger.error(e, "a turn listener failed");
            faults.remember("turn report: " + e);
        }
    }

    /** Cancels every worker and waits for them. */
    @Override
    public void close() {
        finishTurn(TurnListener.Outcome.ANSWERED, Optional.empty());
        workers.close();
    }
}
