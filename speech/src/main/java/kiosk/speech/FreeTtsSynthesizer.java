package kiosk.speech;

import java.util.List;
import java.util.function.Consumer;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;
import org.tinylog.Logger;

/**
 * Speech synthesis with FreeTTS's kevin16 voice (16 kHz), captured in memory rather than played through Java
 * Sound, so it works on machines without a sound card and the kiosk decides where the audio goes.
 *
 * <p>The voice is allocated once. Speaking is serialized: FreeTTS voices are not thread-safe.
 */
public final class FreeTtsSynthesizer implements SpeechSynthesizer {

    public static final String VOICE = "kevin16";
    private static final String VOICE_DIRECTORY = "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory";

    private final Voice voice;
    private final CapturingPlayer player = new CapturingPlayer();
    private final TextNormalizer normalizer = new TextNormalizer();
    private boolean closed;

    private FreeTtsSynthesizer(Voice voice) {
        this.voice = voice;
        voice.setAudioPlayer(player);
    }

    /** Allocates the kevin16 voice (about 0.2 s). */
    public static FreeTtsSynthesizer open() {
        if (System.getProperty("freetts.voices") == null) {
            System.setProperty("freetts.voices", VOICE_DIRECTORY);
        }
        Voice voice = VoiceManager.getInstance().getVoice(VOICE);
        if (voice == null) {
            throw new SpeechException("the FreeTTS voice " + VOICE + " was not found; expected " + VOICE_DIRECTORY
                    + " on the class path (freetts.voices=" + System.getProperty("freetts.voices") + ").");
        }
        voice.allocate();
        return new FreeTtsSynthesizer(voice);
    }

    @Override
    public AudioFormat format() {
        return AudioFormat.SPEECH;
    }

    @Override
    public synchronized void speak(String text, Consumer<AudioChunk> sink) {
        if (closed) {
            throw new IllegalStateException("the synthesizer is closed");
        }
        List<String> sentences = normalizer.sentences(normalizer.normalize(text));
        player.start(sink);
        try {
            for (String sentence : sentences) {
                if (!voice.speak(sentence)) {
                    Logger.warn("FreeTTS could not speak \"{}\"", sentence);
                }
            }
        } finally {
            player.stop();
        }
    }

    /** Sets the speaking rate in words per minute (kevin16 speaks about 150 by default). */
    public synchronized void setRate(float wordsPerMinute) {
        voice.setRate(wordsPerMinute);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            voice.deallocate();
        }
    }
}
