package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Native memory: recognizing many clips, each with its own recognizer, must not grow the process without bound. */
class ResourceTest {

    @Test
    void twoHundredRecognitionsDoNotLeakNativeMemory() throws IOException {
        try (SpeechModel model = SpeechModel.load(SpeechFixtures.VOSK_MODEL);
             FreeTtsSynthesizer voice = FreeTtsSynthesizer.open()) {
            Transcriber transcriber = new Transcriber(model);
            Audio clip = voice.speakAll("batteries");
            List<String> grammar = List.of("where are the batteries", "where is the paint");
            for (int i = 0; i < 20; i++) {
                transcriber.transcribe(clip, i % 2 == 0 ? RecognizerOptions.free() : RecognizerOptions.biased(grammar));
            }
            long warm = residentKilobytes();
            for (int i = 0; i < 200; i++) {
                transcriber.transcribe(clip, i % 2 == 0 ? RecognizerOptions.free() : RecognizerOptions.biased(grammar));
            }
            long after = residentKilobytes();
            long growthMb = (after - warm) / 1024;
            // A leaked recognizer holds megabytes of decoder state; 200 of them would add hundreds of MB.
            assertTrue(growthMb < 40, "resident memory grew by " + growthMb + " MB over 200 recognitions");
        }
    }

    private static long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
