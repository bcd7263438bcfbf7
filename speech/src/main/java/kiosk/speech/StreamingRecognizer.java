package kiosk.speech;

/**
 * Recognizes one utterance from audio fed in chunks (about 100 ms each) while the shopper speaks, so that when speech
 * ends only the last chunk remains to decode. One recognizer per utterance; not thread-safe; close it exactly once.
 */
public interface StreamingRecognizer extends AutoCloseable {

    /** Decodes a chunk of {@link AudioFormat#SPEECH} audio. */
    RecognitionEvent accept(AudioChunk chunk);

    /** Ends the utterance (button released, file ended) and returns its final transcript. */
    Transcript finish();

    @Override
    void close();
}
