package kiosk.app.voice;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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

/**
 * The one turn pipeline: audio source → recognizer (→ end of speech) → understanding → reply → synthesis → sink.
 * {@code kiosk run} calls its stages from the turn workers ({@link #listen}, {@link #understand}, {@link #speak});
 * {@code listen}, {@code demo} and the benchmarks take whole turns with {@link #take}.
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
        Transcriber.Result heard = listen(source, live, partial -> { }, () -> false);
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
