package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's voice says number words a quarter slower than FreeTTS's own kevin16 and every other word as kevin16
 * does: the same voice, with and without the step, measured in samples (the synthesis is deterministic).
 */
class NumberProsodyTest {

    private static Voice plain;
    private static Voice withNumbers;
    private static final CapturingPlayer PLAYER = new CapturingPlayer();

    @BeforeAll
    static void voices() {
        System.setProperty("freetts.voices", "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory");
        plain = VoiceManager.getInstance().getVoice(FreeTtsSynthesizer.VOICE);
        withNumbers = VoiceManager.getInstance().getVoice(FreeTtsSynthesizer.VOICE);
        assertFalse(plain == withNumbers, "FreeTTS hands out a voice per call");
        plain.allocate();
        withNumbers.allocate();
        NumberProsody.install(withNumbers);
        NumberProsody.install(withNumbers); // once is enough: a second install changes nothing
        plain.setAudioPlayer(PLAYER);
        withNumbers.setAudioPlayer(PLAYER);
    }

    @AfterAll
    static void release() {
        plain.deallocate();
        withNumbers.deallocate();
    }

    private static int samples(Voice voice, String text) {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        PLAYER.start(chunk -> pcm.writeBytes(chunk.pcm()));
        try {
            assertTrue(voice.speak(text));
        } finally {
            PLAYER.stop();
        }
        return pcm.size() / 2;
    }

    @Test
    void numberWordsAreSaidSlower() {
        int plainNumbers = samples(plain, "twelve ninety seven");
        int slowNumbers = samples(withNumbers, "twelve ninety seven");
        double ratio = (double) slowNumbers / plainNumbers;
        // the pauses around the utterance keep their length, so the whole grows by a bit less than the words
        assertTrue(ratio > 1.15 && ratio < NumberProsody.STRETCH + 0.01, "numbers took " + ratio + " times as long");
    }

    @Test
    void otherWordsKeepTheVoicesRate() {
        assertEquals(samples(plain, "the paint thinner sells well"), samples(withNumbers, "the paint thinner sells well"));
    }

    @Test
    void numberWordsAreTheNormalizersSpelling() {
        for (String word : "zero oh one twelve twenty ninety hundred thousand point half quarters third eighth sixteenths noon"
                .split(" ")) {
            assertTrue(NumberProsody.isNumberWord(word), word);
        }
        for (String word : "on to for won the aisle dollars cents number".split(" ")) {
            assertFalse(NumberProsody.isNumberWord(word), word);
        }
    }
}
