package kiosk.speech;

/** Recognizes whole clips by streaming them through a recognizer in 100 ms chunks, as a microphone would. */
public final class Transcriber {

    public static final int CHUNK_MILLIS = 100;

    private final SpeechModel model;

    public Transcriber(SpeechModel model) {
        this.model = model;
    }

    public Transcript transcribe(Audio audio, RecognizerOptions options) {
        try (StreamingRecognizer recognizer = model.open(options.withEndpointSilence(java.time.Duration.ZERO))) {
            for (AudioChunk chunk : audio.chunks(CHUNK_MILLIS)) {
                recognizer.accept(chunk);
            }
            return recognizer.finish();
        }
    }
}
