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

    /** The words the synthesizer says for this text ("$8.98" → "eight dollars ninety eight"). */
    String spokenText(String text);

    /**
     * Normalizes the text for speaking ("$8.98", "aisle 12", "21:00") and streams its audio into the sink; a
     * {@link SpeechException} when a sentence could not be made (the synthesizer speaks again at the next call).
     */
    void speak(String text, Consumer<AudioChunk> sink);

    /** The voice's current level and rate. */
    VoiceSettings voice();

    /** Sets the level and rate of the replies from now on. */
    void voice(VoiceSettings settings);

    /** Applies a shopper's change; false when the voice is at that bound already (as loud as it goes). */
    default boolean adjust(VoiceSettings.Change change) {
        synchronized (this) {
            VoiceSettings before = voice();
            VoiceSettings after = before.after(change);
            voice(after);
            return !after.equals(before);
        }
    }

    /** The whole reply as one clip. */
    default Audio speakAll(String text) {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        speak(text, chunk -> pcm.writeBytes(chunk.pcm()));
        return new Audio(format(), pcm.toByteArray());
    }

    @Override
    void close();
}
