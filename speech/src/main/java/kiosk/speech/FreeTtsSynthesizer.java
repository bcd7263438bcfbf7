package kiosk.speech;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.function.Consumer;

import com.sun.speech.freetts.OutputQueue;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;

/**
 * Speech synthesis with FreeTTS's kevin16 voice (16 kHz), captured in memory rather than played through Java
 * Sound, so it works on machines without a sound card and the kiosk decides where the audio goes.
 *
 * <p>The voice is allocated once. Speaking is serialized: FreeTTS voices are not thread-safe. Each sentence is
 * made whole, brought to the reply level ({@link LoudnessNormalizer}) and then handed on, so every reply is equally
 * loud; the first sentence still reaches the speaker before the next is made.
 *
 * <p>FreeTTS's output step (the audio made from each utterance, written to the player) runs on the thread that speaks,
 * not on the output thread FreeTTS would start for the voice: there, one exception ended the thread and left
 * {@code speak} waiting for good, and the voice with it; here a fault in it fails that call with a
 * {@link SpeechException} and the next call speaks. The synthesizer starts no thread.
 */
public final class FreeTtsSynthesizer implements SpeechSynthesizer {

    public static final String VOICE = "kevin16";
    private static final int CHUNK_MILLIS = 100;
    private static final String VOICE_DIRECTORY = "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory";

    private final Voice voice;
    private final CapturingPlayer player = new CapturingPlayer();
    private final Consumer<AudioChunk> made;
    private final TextNormalizer normalizer = new TextNormalizer();
    private VoiceSettings settings;
    private boolean closed;

    private FreeTtsSynthesizer(Voice voice, VoiceSettings settings, Consumer<AudioChunk> made) {
        this.voice = voice;
        this.made = made;
        voice.setAudioPlayer(player);
        voice(settings);
    }

    /** Allocates the kevin16 voice (about 0.2 s), speaking at the default reply level. */
    public static FreeTtsSynthesizer open() {
        return open(VoiceSettings.at(VoiceSettings.DEFAULT_LEVEL_DBFS));
    }

    /** Allocates the kevin16 voice (about 0.2 s). */
    public static FreeTtsSynthesizer open(VoiceSettings settings) {
        return open(settings, piece -> { });
    }

    /**
     * Tests: {@code made} sees each piece of audio where FreeTTS's output step writes it, and may throw there as a
     * fault in that step would.
     */
    static FreeTtsSynthesizer open(VoiceSettings settings, Consumer<AudioChunk> made) {
        if (System.getProperty("freetts.voices") == null) {
            System.setProperty("freetts.voices", VOICE_DIRECTORY);
        }
        Voice voice = VoiceManager.getInstance().getVoice(VOICE);
        if (voice == null) {
            throw new SpeechException("the FreeTTS voice " + VOICE + " was not found; expected " + VOICE_DIRECTORY
                    + " on the class path (freetts.voices=" + System.getProperty("freetts.voices") + ").");
        }
        allocate(voice);
        WordsTheLexiconKnows.install(voice);
        NumberProsody.install(voice);
        NumberJunctures.install(voice);
        NumberOnsets.install(voice);
        return new FreeTtsSynthesizer(voice, settings, made);
    }

    /** Allocates {@code voice} to output each utterance on the thread that speaks it; no thread is started. */
    static void allocate(Voice voice) {
        // allocate() starts an output thread of its own for a voice without an output queue (an unnamed daemon nobody
        // stops or joins); given a queue it starts none. That queue is never served: with none at all afterwards
        // (FreeTTS's own path for a voice without a queue) each utterance is output on the thread that speaks it.
        voice.setOutputQueue(new OutputQueue());
        voice.allocate();
        voice.setOutputQueue(null);
    }

    /** Tests: the allocated voice, to put a step of their own in its pipeline. */
    Voice freeTtsVoice() {
        return voice;
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
            player.start(chunk -> {
                made.accept(chunk);
                pcm.writeBytes(chunk.pcm());
            });
            boolean spoken;
            Optional<RuntimeException> fault;
            try {
                spoken = voice.speak(sentence);
            } finally {
                fault = player.stop();
            }
            if (fault.isPresent()) {
                throw new SpeechException("FreeTTS's audio output failed in a sentence of " + sentence.length()
                        + " characters: " + fault.get(), fault.get());
            }
            if (!spoken) { // FreeTTS caught an exception in its steps, printed it to the error stream and gave up
                throw new SpeechException("FreeTTS could not speak a sentence of " + sentence.length()
                        + " characters (its reason is in the error stream).");
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
