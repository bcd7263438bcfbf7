package kiosk.app.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input corpus, run in a JVM of its own with a 256 MB heap (less than a 2 GB Raspberry Pi gives the
 * kiosk): for every case one clear message naming what is wrong, no exception and no stack trace, the same verdict
 * from {@code kioskctl check}, a reload and a start, and the kiosk still answering a normal question afterwards. A
 * case that needs more memory ends the JVM with an OutOfMemoryError, and the test with it.
 */
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CORPUS = Path.of("src/test/resources/hostile").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void everyHostileInputGetsOneClearMessageInBoundedMemoryAndTheKioskKeepsAnswering() throws Exception {
        String output = runCorpusUnder256MbHeap();
        assertFalse(output.contains("\tat ") || output.contains("OutOfMemoryError")
                || output.contains("Exception in thread"), "a stack trace or an out-of-memory error:\n" + output);
        Map<String, JsonNode> cases = new LinkedHashMap<>();
        for (String line : output.lines().filter(l -> l.startsWith("CASE ")).toList()) {
            JsonNode node = JSON.readTree(line.substring(5));
            cases.put(node.get("kind").asText() + "/" + node.get("case").asText(), node);
        }
        JsonNode expected = new ObjectMapper(new YAMLFactory()).readTree(CORPUS.resolve("expected.yaml").toFile());
        List<String> failures = new ArrayList<>();
        expected.get("stores").fields().forEachRemaining(entry -> failures.addAll(store(entry.getKey(),
                entry.getValue(), cases.get("stores/" + entry.getKey()))));
        expected.get("configs").fields().forEachRemaining(entry -> failures.addAll(message("configs/" + entry.getKey(),
                entry.getValue().asText(), cases.get("configs/" + entry.getKey()))));
        expected.get("wav").fields().forEachRemaining(entry -> failures.addAll(message("wav/" + entry.getKey(),
                entry.getValue().asText(), cases.get("wav/" + entry.getKey()))));
        expected.get("texts").forEach(name -> failures.addAll(text(name.asText(), cases.get("texts/"
                + name.asText()))));
        int listed = expected.get("stores").size() + expected.get("configs").size() + expected.get("wav").size()
                + expected.get("texts").size();
        assertEquals(listed, cases.size(), "every case in the corpus is listed in expected.yaml, and ran: "
                + cases.keySet());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static List<String> store(String name, JsonNode expected, JsonNode got) {
        List<String> failures = new ArrayList<>();
        if (got == null || got.has("exception")) {
            return List.of("stores/" + name + ": " + (got == null ? "did not run" : got.get("exception")));
        }
        String verdict = expected.get("verdict").asText();
        String message = expected.get("message").asText();
        String said = got.path("check_problems").asText() + " " + got.path("reload_message").asText();
        check(failures, name, verdict.equals(got.get("check_verdict").asText()), "check said "
                + got.get("check_verdict") + ", expected " + verdict);
        check(failures, name, got.get("check_verdict").asText().equals(got.get("reload_verdict").asText()),
                "check (" + got.get("check_verdict") + ") and reload (" + got.get("reload_verdict") + ") disagree");
        check(failures, name, said.contains(message), "no message with '" + message + "' in " + said);
        check(failures, name, message.isEmpty() || verdict.equals("sound")
                || got.get("reload_message").asText().contains(message), "the reload's refusal does not say '"
                + message + "': " + got.get("reload_message"));
        boolean problems = !got.get("check_problems").asText().equals("[]");
        check(failures, name, got.get("check_exit").asInt() == (problems ? 1 : 0), "check exited "
                + got.get("check_exit") + " with problems " + said);
        check(failures, name, got.get("answer_after").asText().contains("aisle 4"), "after the reload the kiosk "
                + "answered: " + got.get("answer_after"));
        check(failures, name, got.get("answer_after_start").asText().contains("aisle 4"), "after a start the kiosk "
                + "answered: " + got.get("answer_after_start"));
        boolean startedFromCopy = got.get("start_folder").asText().equals("last-good-store");
        check(failures, name, startedFromCopy == verdict.equals("refused"), "a start served "
                + got.get("start_folder") + " with faults " + got.get("start_faults"));
        if (name.equals("hours-impossible")) {
            check(failures, name, got.get("hours_unknown").toString().equals("[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\"]"),
                    "hours unknown on " + got.get("hours_unknown") + ", expected Monday to Wednesday");
        }
        if (name.equals("ansi-in-names")) {
            check(failures, name, got.get("first_product").asText().equals("Extension Cord 25 ft"),
                    "the product name kept its escapes: " + got.get("first_product"));
        }
        return failures;
    }

    private static List<String> message(String name, String expected, JsonNode got) {
        List<String> failures = new ArrayList<>();
        if (got == null || got.has("exception")) {
            return List.of(name + ": " + (got == null ? "did not run" : got.get("exception")));
        }
        String said = got.path("message").asText();
        check(failures, name, said.contains(expected), "expected a message with '" + expected + "', got: " + said);
        check(failures, name, !said.contains("Exception") && !said.contains("\tat "), "not one clear sentence: "
                + said);
        check(failures, name, got.get("answer_after").asText().contains("aisle 4"), "afterwards the kiosk answered: "
                + got.get("answer_after"));
        return failures;
    }

    private static List<String> text(String name, JsonNode got) {
        List<String> failures = new ArrayList<>();
        if (got == null || got.has("exception")) {
            return List.of("texts/" + name + ": " + (got == null ? "did not run" : got.get("exception")));
        }
        String everything = got.get("answer").asText() + got.get("screen").asText();
        check(failures, name, everything.chars().noneMatch(c -> c < 0x20 && c != '\n' || c == 0x7F),
                "a control character reached the answer or the console panel: " + got);
        check(failures, name, got.get("typed_chars").asInt() <= 1000, "the console read "
                + got.get("typed_chars") + " characters of one line");
        check(failures, name, !got.get("answer").asText().isBlank(), "no answer");
        check(failures, name, got.get("answer_after").asText().contains("aisle 4"), "afterwards the kiosk answered: "
                + got.get("answer_after"));
        return failures;
    }

    private static void check(List<String> failures, String name, boolean holds, String why) {
        if (!holds) {
            failures.add(name + ": " + why);
        }
    }

    /** The corpus in a JVM with -Xmx256m, on this test's class path; its whole output. */
    private String runCorpusUnder256MbHeap() throws IOException, InterruptedException {
        Path log = work.resolve("corpus.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError", "-Xss4m",
                "-Dkiosk.models=" + System.getProperty("kiosk.models", "../target/models"),
                "-cp", System.getProperty("java.class.path"),
                HostileCorpus.class.getName(), CORPUS.toString(), work.resolve("scratch").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(finished, "the corpus did not finish in 10 minutes:\n" + output);
        assertEquals(0, process.exitValue(), "the corpus JVM failed:\n" + output);
        return output;
    }
}
