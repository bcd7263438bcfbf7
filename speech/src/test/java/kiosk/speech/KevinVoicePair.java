package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Consumer;

import com.sun.speech.freetts.UtteranceProcessor;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;

/**
 * Two kevin16 voices for a test of one of the kiosk's steps in FreeTTS's pipeline: FreeTTS's own, and one with the
 * step installed (twice: a second install must change nothing). Speech is measured in samples: the synthesis is
 * deterministic.
 */
final class KevinVoicePair implements AutoCloseable {

    private final CapturingPlayer player = new CapturingPlayer();
    private final Voice plain;
    private final Voice changed;

    private KevinVoicePair(Consumer<Voice> install) {
        System.setProperty("freetts.voices", "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory");
        plain = VoiceManager.getInstance().getVoice(FreeTtsSynthesizer.VOICE);
        changed = VoiceManager.getInstance().getVoice(FreeTtsSynthesizer.VOICE);
        assertFalse(plain == changed, "FreeTTS hands out a voice per call");
        FreeTtsSynthesizer.allocate(plain); // as the synthesizer does: output on the thread that speaks
        FreeTtsSynthesizer.allocate(changed);
        install.accept(changed);
        install.accept(changed);
        plain.setAudioPlayer(player);
        changed.setAudioPlayer(player);
    }

    static KevinVoicePair installing(Consumer<Voice> install) {
        return new KevinVoicePair(install);
    }

    /**
     * Says the text with one kevin16 voice that has {@code install} applied and {@code watch} as the last step of its
     * pipeline, which sees the utterance as the steps before it left it; the audio is thrown away.
     */
    static void watching(String text, Consumer<Voice> install, UtteranceProcessor watch) {
        Voice voice = VoiceManager.getInstance().getVoice(FreeTtsSynthesizer.VOICE);
        voice.allocate();
        try {
            install.accept(voice);
            @SuppressWarnings("unchecked")
            List<UtteranceProcessor> processors = voice.getUtteranceProcessors();
            processors.add(watch);
            CapturingPlayer player = new CapturingPlayer();
            voice.setAudioPlayer(player);
            player.start(chunk -> { });
            try {
                assertTrue(voice.speak(text));
            } finally {
                player.stop();
            }
        } finally {
            voice.deallocate();
        }
    }

    /** How many samples FreeTTS's own voice says the text in. */
    int plain(String text) {
        return samples(plain, text);
    }

    /** How many samples the voice with the step says the text in. */
    int changed(String text) {
        return samples(changed, text);
    }

    /** The samples FreeTTS's own voice says the text with. */
    short[] plainAudio(String text) {
        return audio(plain, text);
    }

    /** The samples the voice with the step says the text with. */
    short[] changedAudio(String text) {
        return audio(changed, text);
    }

    private int samples(Voice voice, String text) {
        return audio(voice, text).length;
    }

    private short[] audio(Voice voice, String text) {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        player.start(chunk -> pcm.writeBytes(chunk.pcm()));
        try {
            assertTrue(voice.speak(text));
        } finally {
            player.stop();
        }
        byte[] bytes = pcm.toByteArray();
        short[] samples = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    @Override
    public void close() {
        plain.deallocate();
        changed.deallocate();
    }
}
