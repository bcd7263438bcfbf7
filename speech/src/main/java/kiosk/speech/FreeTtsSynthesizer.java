package kiosk.speech;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;
import org.tinylog.Logger;

/**
 * Speech synthesis with FreeTTS's kevin16 voice (16 kHz), captured in memory rather than played through Java
 * Sound, so it works on machines without a sound card and the kiosk decides where the audio goes.
 *
 * <p>The voice is allocated once. Speaking is serialized: FreeTTS voices are not thread-safe. Each sentence is
 * made whole, brought to the reply level ({@link LoudnessNormalizer}) and then handed on, so every reply is equally
 * loud; the first sentence still reaches the speaker before the next is made.
 */
public final class FreeTtsSynthesizer implements SpeechSynthesizer {

    public static final String VOICE = "kevin16";
    private static final int CHUNK_MILLIS = 100;
    private static final String VOICE_DIRECTORY = "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory";

    private final Voice voice;
    private final CapturingPlayer player = new CapturingPlayer();
    private final TextNormalizer normalizer = new TextNormalizer();
    private VoiceSettings settings;
    private boolean closed;

    private FreeTtsSynthesizer(Voice voice, VoiceSettings settings) {
        this.voice = voice;
        voice.setAudioPlayer(player);
        voice(settings);
    }

    /** Allocates the kevin16 voice (about 0.2 s), speaking at the default reply level. */
    public static FreeTtsSynthesizer open() {
        return open(VoiceSettings.at(VoiceSettings.DEFAULT_LEVEL_DBFS));
    }

    /** Allocates the kevin16 voice (about 0.2 s). */
    public static FreeTtsSynthesizer open(VoiceSettings settings) {
        if (System.getProperty("freetts.voices") == null) {
            System.setProperty("freetts.voices", VOICE_DIRECTORY);
        }
        Voice voice = VoiceManager.getInstance().getVoice(VOICE);
        if (voice == null) {
            throw new SpeechException("the FreeTTS voice " + VOICE + " was not found; expected " + VOICE_DIRECTORY
                    + " on the class path (freetts.voices=" + System.getProperty("freetts.voices") + ").");
        }
        voice.allocate();
        WordsTheLexiconKnows.install(voice);
        NumberProsody.install(voice);
        NumberJunctures.install(voice);
        return new FreeTtsSynthesizer(voice, settings);
    }

    @Override
    public AudioFormat format() {
        return AudioFormat.SPEECH;
    }

    @Override
    public String spokenText(String text) {
        return normalizer.normalize(text);
    }

    @Override
    public synchronized void speak(String text, Consumer<AudioChunk> sink) {
        if (closed) {
            throw new IllegalStateException("the synthesizer is closed");
        }
        LoudnessNormalizer loudness = LoudnessNormalizer.to(settings.levelDbfs());
        long offsetMillis = 0;
        for (String sentence : normalizer.sentences(spokenText(text))) {
            ByteArrayOutputStream pcm = new ByteArrayOutputStream();
            player.start(chunk -> pcm.writeBytes(chunk.pcm()));
            try {
                if (!voice.speak(sentence)) {
                    Logger.warn("FreeTTS could not speak a sentence of {} characters", sentence.length());
                }
            } finally {
                player.stop();
            }
            Audio audio = loudness.normalize(new Audio(AudioFormat.SPEECH, pcm.toByteArray()));
            for (AudioChunk chunk : audio.chunks(CHUNK_MILLIS)) { // small chunks: a press stops the reply at once
                sink.accept(new AudioChunk(AudioFormat.SPEECH, chunk.pcm(), offsetMillis + chunk.startMillis()));
            }
            offsetMillis += audio.durationMillis();
        }
    }

    @Override
    public synchronized VoiceSettings voice() {
        return settings;
    }

    @Override
    public synchronized void voice(VoiceSettings settings) {
        this.settings = settings;
        voice.setRate(settings.wordsPerMinute());
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            voice.deallocate();
        }
    }
}
