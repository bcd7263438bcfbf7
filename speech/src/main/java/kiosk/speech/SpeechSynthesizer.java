package kiosk.speech;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Turns reply text into speech, sentence by sentence: the first sentence's audio reaches the sink while later
 * sentences are still to be made, so the speaker can start early.
 */
public interface SpeechSynthesizer extends AutoCloseable {

    /** The format of every chunk this synthesizer produces. */
    AudioFormat format();

    /** Normalizes the text for speaking ("$8.98", "aisle 12", "21:00") and streams its audio into the sink. */
    void speak(String text, Consumer<AudioChunk> sink);

    /** The whole reply as one clip. */
    default Audio speakAll(String text) {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        speak(text, chunk -> pcm.writeBytes(chunk.pcm()));
        return new Audio(format(), pcm.toByteArray());
    }

    @Override
    void close();
}
