package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthesisTest {

    private static final String THREE_SENTENCES =
            "The drill is in aisle 5. It costs $89.00. We also have drill bits in aisle 6.";

    /**
     * Streaming is shown by order, not by a clock: the sink slows the voice when the first audio reaches it. If the
     * later sentences are made after that moment they come out longer; had the whole reply been made first, slowing
     * the voice then would change nothing.
     */
    @Test
    void theFirstSentenceReachesTheSinkBeforeTheLastIsMade() {
        try (FreeTtsSynthesizer voice = FreeTtsSynthesizer.open()) {
            VoiceSettings normal = voice.voice();
            List<AudioChunk> plain = new ArrayList<>();
            voice.speak(THREE_SENTENCES, plain::add);

            List<AudioChunk> slowedAfterFirst = new ArrayList<>();
            voice.speak(THREE_SENTENCES, chunk -> {
                if (slowedAfterFirst.isEmpty()) {
                    voice.voice(normal.after(VoiceSettings.Change.SLOWER).after(VoiceSettings.Change.SLOWER));
                }
                slowedAfterFirst.add(chunk);
            });

            assertTrue(plain.size() > 3, "audio arrives in pieces, not one block");
            for (int i = 1; i < plain.size(); i++) {
                assertTrue(plain.get(i).startMillis() > plain.get(i - 1).startMillis(),
                        "chunks are in order and contiguous");
            }
            long plainMillis = endMillis(plain);
            long slowedMillis = endMillis(slowedAfterFirst);
            assertTrue(slowedMillis > plainMillis * 1.15, "the sentences after the first were made after it reached "
                    + "the sink: " + slowedMillis + " ms slowed against " + plainMillis + " ms");
        }
    }

    private static long endMillis(List<AudioChunk> chunks) {
        AudioChunk last = chunks.get(chunks.size() - 1);
        return last.startMillis() + last.durationMillis();
    }

    @Test
    void spokenRepliesAreSpeechFormatAndLastAsLongAsTheWords(@TempDir Path dir) {
        try (FreeTtsSynthesizer voice = FreeTtsSynthesizer.open()) {
            Audio audio = voice.speakAll("The garden hose is in aisle 15.");
            assertEquals(AudioFormat.SPEECH, audio.format());
            assertTrue(audio.durationMillis() > 1200 && audio.durationMillis() < 5000, audio.durationMillis() + " ms");
            Path file = dir.resolve("reply.wav");
            try (WavFileSink sink = new WavFileSink(file)) {
                voice.speak("Hello.", sink::write);
            }
            assertTrue(WavFile.read(file).durationMillis() > 200);
        }
    }

    @Test
    void aClosedSynthesizerRefusesToSpeak() {
        FreeTtsSynthesizer voice = FreeTtsSynthesizer.open();
        voice.close();
        voice.close();
        assertThrows(IllegalStateException.class, () -> voice.speakAll("hello"));
    }

    @Test
    void thereIsNoSoundCardHereAndTheMessageSaysSo() {
        AudioException noMic = assertThrows(AudioException.class,
                () -> MicrophoneSource.open(java.util.Optional.of("USB Microphone")).close());
        assertTrue(noMic.getMessage().contains("microphone"), noMic.getMessage());
    }
}
