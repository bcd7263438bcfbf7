package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.speech.freetts.UtteranceProcessor;
import org.junit.jupiter.api.Test;

/**
 * A fault where FreeTTS outputs an utterance (its audio output step writing to the kiosk's player) fails that call
 * at once, and the same synthesizer speaks the next reply as before. Real FreeTTS: the fault is thrown from inside
 * its output step, where it writes a piece of audio; FreeTTS 1.2 ran that step on an output thread of its own, which
 * the fault ended, and {@code Voice.speak} then waited for the utterance for good.
 */
class FreeTtsOutputFaultTest {

    private static final String REPLY = "The garden hose is in aisle 15. It costs $24.99.";
    /** Seconds at most for a failed call: a reply this long takes well under one to make here. */
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    /** Throws {@code fault} the next time FreeTTS writes audio, once. */
    private static final class FaultOnce {
        private final AtomicReference<Throwable> armed = new AtomicReference<>();

        void arm(Throwable fault) {
            armed.set(fault);
        }

        void written(AudioChunk piece) {
            Throwable fault = armed.getAndSet(null);
            if (fault instanceof RuntimeException e) {
                throw e;
            }
            if (fault instanceof Error e) {
                throw e;
            }
        }
    }

    @Test
    void anExceptionInFreeTtsOutputFailsTheCallAndTheNextReplyIsSpoken() {
        FaultOnce fault = new FaultOnce();
        // not closed on a failure: a call still waiting in the voice holds it
        FreeTtsSynthesizer voice = FreeTtsSynthesizer.open(VoiceSettings.at(VoiceSettings.DEFAULT_LEVEL_DBFS),
                fault::written);
        Audio before = voice.speakAll(REPLY);
        IllegalStateException injected = new IllegalStateException("injected fault in FreeTTS's audio output");
        fault.arm(injected);

        SpeechException failed = assertTimeoutPreemptively(PROMPTLY,
                () -> assertThrows(SpeechException.class, () -> voice.speakAll(REPLY)));
        assertSame(injected, failed.getCause());
        assertTrue(failed.getMessage().startsWith("FreeTTS's audio output failed in a sentence of "),
                failed.getMessage());

        Audio after = assertTimeoutPreemptively(PROMPTLY, () -> voice.speakAll(REPLY));
        assertArrayEquals(before.pcm(), after.pcm(), "the same reply, the same audio, after the fault");
        voice.close();
    }

    /** An error there (no exception FreeTTS or the player catches) reaches the caller too, not a thread of FreeTTS's. */
    @Test
    void anErrorInFreeTtsOutputReachesTheCallerAndTheNextReplyIsSpoken() {
        FaultOnce fault = new FaultOnce();
        // not closed on a failure: a call still waiting in the voice holds it
        FreeTtsSynthesizer voice = FreeTtsSynthesizer.open(VoiceSettings.at(VoiceSettings.DEFAULT_LEVEL_DBFS),
                fault::written);
        Audio before = voice.speakAll(REPLY);
        StackOverflowError injected = new StackOverflowError("injected error in FreeTTS's audio output");
        fault.arm(injected);

        StackOverflowError thrown = assertTimeoutPreemptively(PROMPTLY,
                () -> assertThrows(StackOverflowError.class, () -> voice.speakAll(REPLY)));
        assertSame(injected, thrown);

        Audio after = assertTimeoutPreemptively(PROMPTLY, () -> voice.speakAll(REPLY));
        assertArrayEquals(before.pcm(), after.pcm(), "the same reply, the same audio, after the error");
        voice.close();
    }

    /**
     * An exception in a step of FreeTTS's pipeline: FreeTTS prints it and cancels the utterance. The call fails (it
     * used to go on without the sentence, an answer with a part missing), and the next reply is spoken.
     */
    @Test
    void anExceptionInAStepOfFreeTtsFailsTheCallAndTheNextReplyIsSpoken() {
        try (FreeTtsSynthesizer voice = FreeTtsSynthesizer.open()) {
            Audio before = voice.speakAll(REPLY);
            AtomicBoolean failed = new AtomicBoolean();
            @SuppressWarnings("unchecked")
            List<UtteranceProcessor> steps = voice.freeTtsVoice().getUtteranceProcessors();
            steps.add(0, utterance -> {
                if (!failed.getAndSet(true)) {
                    throw new IllegalStateException("injected fault in a step of FreeTTS");
                }
            });

            SpeechException thrown = assertThrows(SpeechException.class, () -> voice.speakAll(REPLY));
            assertTrue(thrown.getMessage().startsWith("FreeTTS could not speak a sentence of "), thrown.getMessage());
            assertArrayEquals(before.pcm(), voice.speakAll(REPLY).pcm(), "the same reply, the same audio, after it");
        }
    }

    /** FreeTTS's output thread is not started: no thread of FreeTTS's is left behind by a synthesizer. */
    @Test
    void theSynthesizerLeavesNoThreadOfFreeTtsRunning() {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        try (FreeTtsSynthesizer voice = FreeTtsSynthesizer.open()) {
            assertTrue(voice.speakAll(REPLY).durationMillis() > 1000);
            List<String> started = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !before.contains(thread))
                    .filter(thread -> thread.getClass().getName().startsWith("com.sun.speech"))
                    .map(thread -> thread.getName() + " (" + thread.getClass().getName() + ")")
                    .toList();
            assertEquals(List.of(), started, "threads FreeTTS started for the voice");
        }
    }
}
