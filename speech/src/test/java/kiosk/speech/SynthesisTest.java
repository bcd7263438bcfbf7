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

    @Test
    void theFirstSentenceReachesTheSinkBeforeTheLastIsMade() {
        try (FreeTtsSynthesizer voice = FreeTtsSynthesizer.open()) {
            voice.speakAll("warm up");
            List<Long> arrivals = new ArrayList<>();
            List<Long> starts = new ArrayList<>();
            long begin = System.nanoTime();
            voice.speak("The drill is in aisle 5. It costs $89.00. We also have drill bits in aisle 6.", chunk -> {
                arrivals.add(System.nanoTime() - begin);
                starts.add(chunk.startMillis());
            });
            long total = System.nanoTime() - begin;
            assertTrue(arrivals.size() > 3, "audio arrives in pieces, not one block");
            assertTrue(arrivals.get(0) < total / 2, "first audio after " + arrivals.get(0) / 1e6 + " ms of "
                    + total / 1e6 + " ms");
            for (int i = 1; i < starts.size(); i++) {
                assertTrue(starts.get(i) > starts.get(i - 1), "chunks are in order and contiguous");
            }
        }
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
