package kiosk.speech;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Assumptions;

/** Where tests find the models the build unpacked and the shared recordings, and small text helpers. */
final class SpeechFixtures {

    static final Path VOSK_MODEL = Path.of(System.getProperty("kiosk.models", "../target/models"), "vosk-model-en-us");

    private SpeechFixtures() {
    }

    /** The shared recordings folder; the test is skipped, saying why, when it is absent. */
    static Path sharedSpeechToIntent() {
        Path folder = Path.of(System.getProperty("kiosk.shared", "../../shared"), "data", "speech-to-intent");
        Assumptions.assumeTrue(Files.isDirectory(folder.resolve("clean")),
                "shared recordings not found at " + folder.toAbsolutePath() + "; skipping the real-speech test");
        return folder;
    }

    /** Word error rate of a hypothesis against a reference, both normalized to spoken lower-case words. */
    static double wordErrorRate(String reference, String hypothesis) {
        String[] ref = SpokenForm.normalize(reference).split(" ");
        String[] hyp = hypothesis.isBlank() ? new String[0] : SpokenForm.normalize(hypothesis).split(" ");
        int[][] d = new int[ref.length + 1][hyp.length + 1];
        for (int i = 0; i <= ref.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= hyp.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= ref.length; i++) {
            for (int j = 1; j <= hyp.length; j++) {
                int substitution = d[i - 1][j - 1] + (ref[i - 1].equals(hyp[j - 1]) ? 0 : 1);
                d[i][j] = Math.min(substitution, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
            }
        }
        return d[ref.length][hyp.length] / (double) ref.length;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT).strip();
    }
}
