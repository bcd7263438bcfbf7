package kiosk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 on the command line: batch lines say which file they are about; typed input has a size limit. */
class HostileCommandLineTest {

    @BeforeAll
    static void paths() throws IOException {
        CommandLineTest.paths();
    }

    @Test
    void everyTranscribeJsonLineNamesItsFileEvenWhenTheFileIsRefused(@TempDir Path dir) throws IOException {
        Path spoken = dir.resolve("said.wav");
        assertEquals(0, CommandLineTest.run("say", "where is the duct tape", "--out", spoken.toString()).exitCode());
        Path zeroHertz = Path.of("src/test/resources/hostile/wav/zero-hz.wav").toAbsolutePath();
        CommandLineTest.Run run = CommandLineTest.run("transcribe", "--json", spoken.toString(), zeroHertz.toString());
        assertEquals(1, run.exitCode(), "one file was refused");
        List<JsonNode> lines = run.out().stream().map(HostileCommandLineTest::json).toList();
        assertEquals(2, lines.size(), run.out().toString());
        assertEquals(spoken.toString(), lines.get(0).get("file").asText());
        assertTrue(lines.get(0).get("text").asText().contains("tape"), lines.get(0).toString());
        assertEquals(zeroHertz.toString(), lines.get(1).get("file").asText());
        assertTrue(lines.get(1).get("error").asText().contains("sample rate of 0 Hz"), lines.get(1).toString());
    }

    @Test
    void aQuestionLongerThanTheLimitIsRefusedWithOneSentence() {
        CommandLineTest.Run run = CommandLineTest.run("ask", "where are the batteries", "a".repeat(5000));
        assertEquals(1, run.exitCode());
        assertEquals("kiosk: question 2 is 5000 characters long; the kiosk answers questions of at most 1000 "
                + "characters", run.err().strip());
        assertTrue(run.out().isEmpty(), "nothing answered: " + run.out());
        assertFalse(run.err().contains("Exception"));
    }

    private static JsonNode json(String line) {
        try {
            return CommandLineTest.JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
