package kiosk.app.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kiosk.app.KioskPaths;
import kiosk.app.run.KioskLoop;
import kiosk.app.run.Replies;
import kiosk.hardware.ConsolePanel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A model pack chosen in the configuration: refused with one sentence when broken, phrasing replies when sound. */
class ModelPackWiringTest {

    static final Path TINY = Path.of(System.getProperty("kiosk.shared", "../../shared"), "data",
            "tiny-random-llama-onnx");

    private static String packYaml(String licenceKey) {
        return """
                name: tiny-random-llama
                version: "1"
                %s: MIT
                decoder: %s
                tokenizer: %s
                chat_template: plain
                context_length: 2048
                special_tokens:
                  bos: "<s>"
                  eos: "</s>"
                budgets:
                  max_new_tokens: 16
                """.formatted(licenceKey, TINY.resolve("model.onnx"), TINY.resolve("tokenizer.json"));
    }

    @Test
    void aPackThatIsMissingOrBrokenIsRefusedInOneSentenceAndNoneMeansNone(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Files.exists(TINY.resolve("model.onnx")), "the tiny decoder is not at " + TINY);
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(models.resolve("broken"));
        Files.writeString(models.resolve("broken/pack.yaml"), packYaml("licnce"));
        try (KioskModels kioskModels = new KioskModels(new KioskPaths(models, Path.of("demo-store"), dir))) {
            List<String> problems = new ArrayList<>();
            assertEquals(Optional.empty(), kioskModels.pack("none", problems::add));
            assertEquals(List.of(), problems, "no pack is not a problem");
            assertEquals(Optional.empty(), kioskModels.pack("qwen", problems::add));
            assertEquals(List.of("the model pack " + models.resolve("qwen") + " (models.pack: qwen) is not installed; "
                    + "answering with the template answers"), problems);
            problems.clear();
            assertEquals(Optional.empty(), kioskModels.pack("broken", problems::add));
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).contains("pack.yaml:3: unknown key 'licnce' (did you mean 'licence'?)"),
                    problems.get(0));
            assertTrue(problems.get(0).endsWith("Answering with the template answers."), problems.get(0));
        }
    }

    @Test
    void aSoundPackPhrasesTheKiosksSpokenRepliesAndTheFactsAreAlwaysSaid(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Files.exists(TINY.resolve("model.onnx")), "the tiny decoder is not at " + TINY);
        Path pack = Files.createDirectories(dir.resolve("tiny"));
        Files.writeString(pack.resolve("pack.yaml"), packYaml("licence"));
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), dir);
        try (KioskModels models = new KioskModels(paths)) {
            List<String> problems = new ArrayList<>();
            StoreKiosk kiosk = StoreKiosk.open(paths.store(), models, problems::add,
                    models.pack(pack.toString(), problems::add));
            assertEquals(List.of(), problems);
            assertTrue(kiosk.phrasing().isPresent());
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            ConsolePanel panel = new ConsolePanel(new ByteArrayInputStream(
                    "where is the circular saw\n/quit\n".getBytes(StandardCharsets.UTF_8)), out, 40);
            KioskLoop loop = new KioskLoop(panel, kiosk, models, Replies.toFiles(dir.resolve("replies")),
                    out);
            assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(60), loop::run));
            String shown = screen.toString(StandardCharsets.UTF_8);
            // the tiny random model writes no sentence worth saying: what is spoken ends with the template's facts
            assertTrue(shown.contains("(phrased: ") && shown.contains("The Circular Saw is in aisle 6, in the Power Tools department.)"), shown);
            assertEquals(1, kiosk.phrasing().get().phrasedCount() + kiosk.phrasing().get().fallbackCount());
            assertTrue(Files.size(dir.resolve("replies/reply-001.wav")) > 10_000, "the reply was spoken");
        }
    }
}
