package kiosk.app.voice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import kiosk.app.dialogue.Reply;
import kiosk.speech.Audio;
import kiosk.speech.AudioChunk;
import kiosk.speech.RecognizerOptions;
import kiosk.speech.SpeechModel;
import kiosk.speech.SpeechSynthesizer;
import kiosk.speech.StreamingRecognizer;
import kiosk.speech.Transcript;

/**
 * One spoken turn, end to end: audio streams through recognition in 100 ms chunks, the final text is answered by the
 * shopper's session, and the reply is synthesized sentence by sentence into a sink.
 *
 * <p>Shares the speech model and the synthesizer (loaded once by {@link KioskModels}); opens one recognizer per
 * utterance and closes it before returning.
 */
public final class VoiceTurns {

    private static final int CHUNK_MILLIS = 100;

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

    /** Recognizes, answers and speaks one utterance; the reply audio goes to {@code replyAudio} as it is made. */
    public SpokenTurn take(Audio utterance, ShopperSession session, Consumer<AudioChunk> replyAudio) {
        Map<String, Double> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        Transcript transcript;
        try (StreamingRecognizer recognizer = speechModel.open(recognition)) {
            for (AudioChunk chunk : utterance.chunks(CHUNK_MILLIS)) {
                recognizer.accept(chunk);
            }
            long lastChunkFed = System.nanoTime();
            timings.put("stt", Stopwatch.millisBetween(start, lastChunkFed));
            transcript = recognizer.finish();
            timings.put("stt_final", Stopwatch.millisBetween(lastChunkFed, System.nanoTime()));
        }

        long understandStart = System.nanoTime();
        Reply reply = session.respond(transcript);
        long replyReady = System.nanoTime();
        timings.put("understand", Stopwatch.millisBetween(understandStart, replyReady));

        long[] firstAudio = {0};
        synthesizer.speak(reply.answer(), chunk -> {
            if (firstAudio[0] == 0) {
                firstAudio[0] = System.nanoTime();
            }
            replyAudio.accept(chunk);
        });
        long end = System.nanoTime();
        long firstAudioAt = firstAudio[0] == 0 ? end : firstAudio[0];
        timings.put("tts_first_audio", Stopwatch.millisBetween(replyReady, firstAudioAt));
        timings.put("tts", Stopwatch.millisBetween(replyReady, end));
        timings.put("end_of_speech_to_first_audio",
                timings.get("stt_final") + Stopwatch.millisBetween(understandStart, firstAudioAt));
        timings.put("total", Stopwatch.millisBetween(start, end));
        return new SpokenTurn(transcript, reply, timings);
    }
}
