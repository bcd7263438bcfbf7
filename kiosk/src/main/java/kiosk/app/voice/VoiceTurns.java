package kiosk.app.voice;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import kiosk.app.dialogue.Reply;
import kiosk.app.session.Utterance;
import kiosk.speech.Audio;
import kiosk.speech.AudioChunk;
import kiosk.speech.AudioSource;
import kiosk.speech.EndOfSpeech;
import kiosk.speech.RecognizerOptions;
import kiosk.speech.SpeechModel;
import kiosk.speech.SpeechSynthesizer;
import kiosk.speech.StreamingRecognizer;
import kiosk.speech.Transcriber;
import kiosk.speech.Transcript;
import kiosk.speech.TurnCompleteness;
import kiosk.speech.Word;

/**
 * The one turn pipeline: audio source → recognizer (→ end of speech) → understanding → reply → synthesis → sink.
 * {@code kiosk run} calls its stages from the turn workers ({@link #listen}, {@link #understand}, {@link #speak});
 * {@code listen}, {@code demo} and the benchmarks take whole turns with {@link #take}.
 *
 * <p>On a live source, a turn heard in a shopper's session ({@link #listen(AudioSource, boolean, ShopperSession,
 * Consumer, BooleanSupplier)}, {@link #take(AudioSource, boolean, ShopperSession, Consumer)}) has the semantic end
 * of turn: a question the session answers at once ends after {@link #COMPLETE_TURN_SILENCE}, and words the shopper
 * adds within {@link #RESUMPTION_WINDOW} stop the reply and complete the question ({@link #listenOn}). {@code kiosk
 * run}'s turn workers do the same: they listen in the shopper's session and, after an early end, listen on while the
 * reply begins (BENCHMARKS.md, "Early replies with resumption").
 *
 * <p>Shares the speech model and the synthesizer (loaded once by {@link KioskModels}); opens one recognizer per
 * utterance and closes it before returning.
 */
public final class VoiceTurns {

    /**
     * Trailing silence that ends a shopper's question on a live microphone: 600 ms whatever was heard, chosen with
     * {@code bench endpoint} (BENCHMARKS.md, "Latency at real-time pace"); a longer silence after a word asking for
     * more cut off no fewer real commands. A constant, not a kiosk.conf key: it is the recognizer's tuning, measured
     * with the model, not a site's choice.
     */
    public static final EndOfSpeech END_OF_SPEECH = EndOfSpeech.after(Duration.ofMillis(600));

    /**
     * The silence that ends a question the shopper's session answers at once with one clear answer
     * ({@link ShopperSession#answersClearly}): the semantic end of turn. Chosen with {@code bench endpoint} on the
     * development halves (BENCHMARKS.md, "Semantic end of turn"); a shopper who goes on after it is heard as
     * continuing the same question ({@link #listenOn}).
     */
    public static final Duration COMPLETE_TURN_SILENCE = Duration.ofMillis(200);

    /**
     * How long after a question ended early (the reply has begun) the kiosk still takes what the shopper says as the
     * rest of that question: the reply stops and the words are appended.
     */
    public static final Duration RESUMPTION_WINDOW = Duration.ofMillis(1000);

    /**
     * Which turns end after {@link #COMPLETE_TURN_SILENCE} ({@link ShopperSession#endsEarly}); chosen with {@code
     * bench endpoint} with the resumption replayed (BENCHMARKS.md, "Early replies with resumption"): spoken commands,
     * greetings and thanks taken as whole as well left 6 of the 109 development recordings cut off at 200 ms (a pause
     * mid-command the listening on did not catch), where clear answers alone cut off none.
     */
    public static final ShopperSession.EarlyEnd EARLY_END = ShopperSession.EarlyEnd.CLEAR_ANSWERS;

    private final SpeechModel speechModel;
    private final SpeechSynthesizer synthesizer;
    private final RecognizerOptions recognition;

    public VoiceTurns(SpeechModel speechModel, SpeechSynthesizer synthesizer, RecognizerOptions recognition) {
        this.speechModel = speechModel;
        this.synthesizer = synthesizer;
        this.recognition = recognition;
    }

    public RecognizerOptions recognition() {
        return recognition;
    }

    /** {@code recognition} as a live source (a microphone) is heard: ended by the end of the shopper's speech. */
    public static RecognizerOptions live(RecognizerOptions recognition) {
        return recognition.withEndOfSpeech(END_OF_SPEECH);
    }

    /**
     * {@code recognition} as a live source is heard in {@code session}: a question the session answers at once ends
     * after {@link #COMPLETE_TURN_SILENCE}, anything else after {@link #END_OF_SPEECH}.
     */
    public RecognizerOptions live(RecognizerOptions recognition, ShopperSession session) {
        return recognition.withEndOfSpeech(endOfSpeech(speechModel.judgedAhead(
                heard -> session.endsEarly(heard, EARLY_END))));
    }

    /** The live end of speech with the semantic end of turn judged by {@code completeness}. */
    public static EndOfSpeech endOfSpeech(TurnCompleteness completeness) {
        return END_OF_SPEECH.whenComplete(COMPLETE_TURN_SILENCE, completeness);
    }

    /**
     * As {@link #listen(AudioSource, boolean, Consumer, BooleanSupplier)}, a live source heard in {@code session}: a
     * question it answers clearly ends after the short silence ({@link Transcriber.Ending#COMPLETE_TURN}; listen on
     * with {@link #listenOn}), and what it understood then is not understood again when the final text is the same.
     */
    public Transcriber.Result listen(AudioSource source, boolean live, ShopperSession session,
                                     Consumer<String> partials, BooleanSupplier finish) {
        RecognizerOptions options = live ? live(recognition, session) : recognition;
        try (StreamingRecognizer recognizer = speechModel.open(options)) {
            return Transcriber.stream(recognizer, source, partials, finish);
        }
    }

    /**
     * After a question ended early ({@link Transcriber.Ending#COMPLETE_TURN}), while its reply begins: listens on
     * {@code source} for up to {@link #RESUMPTION_WINDOW}. When the shopper goes on speaking (the recognizer hears
     * words), {@code resumed} runs at once (stop the reply) and the rest is recognized to its own end of speech;
     * returns the question with it appended. Empty when the window passed in silence (or the source ended, or
     * {@code finish} said so, before a word).
     */
    public Optional<Transcriber.Result> listenOn(AudioSource source, Transcriber.Result heard,
                                                 ShopperSession session, Runnable resumed,
                                                 Consumer<String> partials, BooleanSupplier finish) {
        // the rest is judged with the question's start: "and the flashlights" completes "where is the duct tape"
        String start = heard.transcript().text();
        // and against the noise heard before the early end: the shopper's next word may be in the very first chunk,
        // which a floor learned afresh would take for the noise (BENCHMARKS.md, "The continuation's noise floor")
        RecognizerOptions options = recognition.withEndOfSpeech(endOfSpeech(speechModel.judgedAhead(
                rest -> session.endsEarly(start + " " + rest, EARLY_END))).continuing(heard.noiseFloor()));
        AtomicBoolean going = new AtomicBoolean();
        Runnable goesOn = () -> {
            if (going.compareAndSet(false, true)) {
                resumed.run();
            }
        };
        AtomicLong fed = new AtomicLong();
        AudioSource counted = new AudioSource() {
            @Override
            public Optional<AudioChunk> read() {
                Optional<AudioChunk> chunk = source.read();
                chunk.ifPresent(read -> fed.addAndGet(read.durationMillis()));
                return chunk;
            }

            @Override
            public void close() {
                // the caller's source: the caller closes it
            }
        };
        Transcriber.Result added;
        try (StreamingRecognizer recognizer = speechModel.open(options)) {
            // the one chunk loop; the window closes when it passed in silence
            added = Transcriber.stream(recognizer, counted, partial -> {
                goesOn.run();
                partials.accept(start + " " + partial);
            }, () -> finish.getAsBoolean() || (!going.get() && fed.get() >= RESUMPTION_WINDOW.toMillis()));
        }
        if (added.endedBySilence()) {
            goesOn.run(); // words and their end in one chunk
        } else if (!going.get()) {
            return Optional.empty();
        }
        // a source that ended is a finished question here: the question already had its start
        Transcriber.Ending ending = added.endedBySilence() ? added.ending() : Transcriber.Ending.FINISHED;
        return Optional.of(new Transcriber.Result(joined(heard.transcript(), added.transcript()), ending,
                added.lastChunkNanos(), heard.audioMillis() + added.audioMillis(), added.noiseFloor()));
    }

    /**
     * One question said in two parts: each decoder's words of the first, then of the second (the kiosk weighs the
     * free against the grammar reading of the whole, as of any question).
     */
    static Transcript joined(Transcript first, Transcript rest) {
        if (rest.isEmpty()) {
            return first;
        }
        Transcript free = join(reading(first, Transcript.Source.FREE), reading(rest, Transcript.Source.FREE));
        Transcript grammar = join(reading(first, Transcript.Source.GRAMMAR), reading(rest, Transcript.Source.GRAMMAR));
        boolean rivals = first.rival().isPresent() || rest.rival().isPresent();
        boolean grammarChosen = first.source() == Transcript.Source.GRAMMAR
                || rest.source() == Transcript.Source.GRAMMAR;
        Transcript chosen = grammarChosen ? grammar : free;
        return rivals ? chosen.withRival(grammarChosen ? free : grammar) : chosen;
    }

    /** What {@code source}'s decoder heard of the utterance (the transcript or its rival; the other when absent). */
    private static Transcript reading(Transcript heard, Transcript.Source source) {
        if (heard.source() == source) {
            return heard;
        }
        return heard.rival().filter(rival -> rival.source() == source).orElse(heard);
    }

    private static Transcript join(Transcript a, Transcript b) {
        List<Word> words = new ArrayList<>(a.words());
        words.addAll(b.words());
        String text = (a.text() + " " + b.text()).strip();
        double confidence = words.stream().mapToDouble(Word::confidence).average().orElse(0);
        return new Transcript(text, words, confidence, a.source());
    }

    /**
     * Recognizes one utterance from {@code source}. A live source (a microphone) never ends by itself, so the end of
     * the shopper's speech ends it ({@link #END_OF_SPEECH}); a clip ends with its audio. {@code finish} ends it
     * early (the talk button released).
     */
    public Transcriber.Result listen(AudioSource source, boolean live, Consumer<String> partials,
                                     BooleanSupplier finish) {
        RecognizerOptions options = live ? live(recognition) : recognition;
        try (StreamingRecognizer recognizer = speechModel.open(options)) {
            return Transcriber.stream(recognizer, source, partials, finish);
        }
    }

    /** Answers typed text in the shopper's session (commands and knowledge). */
    public Reply understand(ShopperSession session, String heard) {
        return session.respond(heard);
    }

    /** Answers what was heard: spoken, with the recognizer's evidence, so an unsure product is confirmed first. */
    public Reply understand(ShopperSession session, Utterance heard) {
        return heard.speech().map(session::respond).orElseGet(() -> session.respond(heard.text()));
    }

    /** Synthesizes {@code text} sentence by sentence into {@code audio}, as each is made. */
    public void speak(String text, Consumer<AudioChunk> audio) {
        synthesizer.speak(text, audio);
    }

    /** Recognizes, answers and speaks one clip; the reply audio goes to {@code replyAudio} as it is made. */
    public SpokenTurn take(Audio utterance, ShopperSession session, Consumer<AudioChunk> replyAudio) {
        return take(Transcriber.source(utterance), false, session, replyAudio);
    }

    /**
     * One whole turn from a source: a live one (a microphone, or a benchmark's clip played at real-time pace) ends at
     * the end of speech, a clip at its end.
     */
    public SpokenTurn take(AudioSource source, boolean live, ShopperSession session, Consumer<AudioChunk> replyAudio) {
        Map<String, Double> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        Transcriber.Result heard = listen(source, live, session, partial -> { }, () -> false);
        SpokenTurn turn = answer(heard, session, replyAudio, start, timings);
        // a question ended early: the shopper may go on; then the reply stops (the rest of its audio is not given)
        // and the whole question is answered
        int resumptions = 0;
        while (live && heard.ending() == Transcriber.Ending.COMPLETE_TURN) {
            boolean[] stopped = {false};
            Optional<Transcriber.Result> more = listenOn(source, heard, session, () -> stopped[0] = true,
                    partial -> { }, () -> false);
            if (more.isEmpty()) {
                break;
            }
            resumptions++;
            heard = more.get();
            turn = answer(heard, session, replyAudio, System.nanoTime(), new LinkedHashMap<>(timings));
        }
        if (resumptions > 0) {
            turn.timingsMs().put("resumed", (double) resumptions);
        }
        return turn;
    }

    private SpokenTurn answer(Transcriber.Result heard, ShopperSession session, Consumer<AudioChunk> replyAudio,
                              long start, Map<String, Double> timings) {
        long finalText = System.nanoTime();
        timings.put("stt", Stopwatch.millisBetween(start, heard.lastChunkNanos()));
        timings.put("stt_final", Stopwatch.millisBetween(heard.lastChunkNanos(), finalText));

        // the transcript, not only its text: a product only the grammar heard is confirmed before its facts
        Reply reply = session.respond(heard.transcript());
        long replyReady = System.nanoTime();
        timings.put("understand", Stopwatch.millisBetween(finalText, replyReady));

        long[] firstAudio = {0};
        speak(reply.answer(), chunk -> {
            if (firstAudio[0] == 0) {
                firstAudio[0] = System.nanoTime();
            }
            replyAudio.accept(chunk);
        });
        long end = System.nanoTime();
        long firstAudioAt = firstAudio[0] == 0 ? end : firstAudio[0];
        timings.put("tts_first_audio", Stopwatch.millisBetween(replyReady, firstAudioAt));
        timings.put("tts", Stopwatch.millisBetween(replyReady, end));
        timings.put("end_of_speech_to_first_audio", Stopwatch.millisBetween(heard.lastChunkNanos(), firstAudioAt));
        timings.put("total", Stopwatch.millisBetween(start, end));
        return new SpokenTurn(heard.transcript(), reply, timings);
    }
}
