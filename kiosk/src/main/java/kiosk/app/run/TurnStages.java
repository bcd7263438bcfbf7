package kiosk.app.run;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import kiosk.app.dialogue.GroundedPhrasing;
import kiosk.app.dialogue.Reply;
import kiosk.app.session.Utterance;
import kiosk.app.voice.ShopperSession;
import kiosk.app.voice.VoiceTurns;
import kiosk.speech.AudioChunk;
import kiosk.speech.AudioSource;
import kiosk.speech.Transcriber;

/**
 * The stages of the turn pipeline as the turn workers call them: the serving store's {@link VoiceTurns}, or (tests)
 * a wrapper that makes one stage fail to show the kiosk recovers.
 */
public interface TurnStages {

    /**
     * Hears a turn. A live source heard in {@code session} ends early when the words so far are a question the session
     * answers clearly (the semantic end of turn, {@link VoiceTurns#live(kiosk.speech.RecognizerOptions,
     * ShopperSession)}); without a session (out of service) only the long silence ends it.
     */
    Transcriber.Result listen(AudioSource source, boolean live, Optional<ShopperSession> session,
                              Consumer<String> partials, BooleanSupplier finish);

    /**
     * After a turn ended early ({@link Transcriber.Ending#COMPLETE_TURN}), while its reply begins: listens on
     * {@code source} for the shopper going on ({@link VoiceTurns#listenOn}); {@code resumed} runs at the first word.
     * Empty when the resumption window passed in silence.
     */
    Optional<Transcriber.Result> listenOn(AudioSource source, Transcriber.Result heard, ShopperSession session,
                                          Runnable resumed, Consumer<String> partials, BooleanSupplier finish);

    /** Answers what was heard, spoken with the recognizer's evidence (a product only the grammar heard is confirmed). */
    Reply understand(ShopperSession session, Utterance heard);

    /** The model pack's phrasing of {@code template}; each checked sentence goes to {@code say}; returns the text. */
    String phrase(GroundedPhrasing pack, String heard, Reply template, Consumer<String> say, BooleanSupplier cancelled);

    void synthesize(String text, Consumer<AudioChunk> audio);

    /** The pipeline's own stages. */
    static TurnStages of(VoiceTurns voice) {
        return new TurnStages() {
            @Override
            public Transcriber.Result listen(AudioSource source, boolean live, Optional<ShopperSession> session,
                                             Consumer<String> partials, BooleanSupplier finish) {
                return session.isPresent()
                        ? voice.listen(source, live, session.get(), partials, finish)
                        : voice.listen(source, live, partials, finish);
            }

            @Override
            public Optional<Transcriber.Result> listenOn(AudioSource source, Transcriber.Result heard,
                                                         ShopperSession session, Runnable resumed,
                                                         Consumer<String> partials, BooleanSupplier finish) {
                return voice.listenOn(source, heard, session, resumed, partials, finish);
            }

            @Override
            public Reply understand(ShopperSession session, Utterance heard) {
                return voice.understand(session, heard);
            }

            @Override
            public String phrase(GroundedPhrasing pack, String heard, Reply template, Consumer<String> say,
                                 BooleanSupplier cancelled) {
                synchronized (pack) { // one decoder: a barge-in's reply waits for the last one to stop
                    return pack.phrase(heard, template, say, cancelled);
                }
            }

            @Override
            public void synthesize(String text, Consumer<AudioChunk> audio) {
                voice.speak(text, audio);
            }
        };
    }
}
