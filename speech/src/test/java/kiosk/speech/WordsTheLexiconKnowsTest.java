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
 * The kiosk's voice says a word its lexicon holds as that word, where FreeTTS's own kevin16 spells it letter by letter
 * because of its letters ("eighths"); every other word, and a word the lexicon lacks, as kevin16 does. Measured in
 * samples: the synthesis is deterministic.
 */
class WordsTheLexiconKnowsTest {

    private static Voice plain;
    private static Voice withLexicon;
    private static final CapturingPlayer PLAYER = new CapturingPlayer();

    @BeforeAll
    static void voices() {
        System.setProperty("freetts.voices", "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory");
        plain = VoiceManager.getInstance().getVoice(FreeTtsSynthesizer.VOICE);
        withLexicon = VoiceManager.getInstance().getVoice(FreeTtsSynthesizer.VOICE);
        assertFalse(plain == withLexicon, "FreeTTS hands out a voice per call");
        plain.allocate();
        withLexicon.allocate();
        WordsTheLexiconKnows.install(withLexicon);
        WordsTheLexiconKnows.install(withLexicon); // once is enough: a second install changes nothing
        plain.setAudioPlayer(PLAYER);
        withLexicon.setAudioPlayer(PLAYER);
    }

    @AfterAll
    static void release() {
        plain.deallocate();
        withLexicon.deallocate();
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
    void eighthsIsSaidAsAWord() {
        int spelled = samples(plain, "three eighths");
        int said = samples(withLexicon, "three eighths");
        int singular = samples(withLexicon, "three eighth");
        // "e i g h t h s" is seven letters' names; "eighths" is "eighth" and an "s"
        assertTrue(spelled > 1.5 * singular, "spelled " + spelled + " samples, \"three eighth\" " + singular);
        assertTrue(said > singular && said < singular * 1.3, "said " + said + " samples, \"three eighth\" " + singular);
    }

    @Test
    void otherWordsAreSaidAsBefore() {
        for (String text : new String[] {"the paint thinner sells well", "a pvc elbow", "xkcd"}) {
            assertEquals(samples(plain, text), samples(withLexicon, text), text);
        }
    }
}
