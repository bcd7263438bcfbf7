package kiosk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kiosk.speech.Audio;
import kiosk.speech.FreeTtsSynthesizer;
import kiosk.speech.WavFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command-line contract, run in-process with the real models and the demo store. */
class CommandLineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void paths() throws IOException {
        System.setProperty("kiosk.store", Path.of("demo-store").toAbsolutePath().toString());
        System.setProperty("kiosk.state", Files.createTempDirectory("kiosk-state").toString());
    }

    record Run(int exitCode, List<String> out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = KioskCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        List<String> lines = new ArrayList<>(out.toString().lines().toList());
        return new Run(code, lines, err.toString());
    }

    @Test
    void askAnswersOneSessionWithTheContractFields() throws IOException {
        Run run = run("ask", "--json", "where is the circular saw", "how much is it");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, run.out().size());
        JsonNode first = JSON.readTree(run.out().get(0));
        for (String field : List.of("text", "intent", "slots", "answer", "confidence", "escalate", "timings_ms")) {
            assertTrue(first.has(field), "missing " + field + " in " + first);
        }
        assertEquals("product_location", first.get("intent").asText());
        assertEquals("product_price", JSON.readTree(run.out().get(1)).get("intent").asText());
    }

    @Test
    void listenTakesASpokenQuestionThroughEveryStageAndABadFileDoesNotStopTheBatch(@TempDir Path dir)
            throws IOException {
        Path question = dir.resolve("question.wav");
        try (FreeTtsSynthesizer voice = FreeTtsSynthesizer.open()) {
            WavFile.write(question, voice.speakAll("where is the garden hose").append(Audio.silence(300)));
        }
        Path broken = Files.writeString(dir.resolve("broken.wav"), "not audio");
        Path replies = dir.resolve("replies");
        Run run = run("listen", "--json", "--wav", broken.toString(), question.toString(), "--out-dir",
                replies.toString());
        assertEquals(1, run.exitCode(), "one file failed");
        assertTrue(run.err().contains(broken.toString()), run.err());
        assertEquals(2, run.out().size(), String.join("\n", run.out()));
        assertTrue(JSON.readTree(run.out().get(0)).has("error"));
        JsonNode turn = JSON.readTree(run.out().get(1));
        assertEquals("product_location", turn.get("intent").asText(), turn.toString());
        assertTrue(turn.get("answer").asText().contains("Garden Hose"), turn.toString());
        for (String stage : List.of("stt", "understand", "tts_first_audio", "total")) {
            assertTrue(turn.get("timings_ms").get(stage).asDouble() > 0, stage + " timed: " + turn);
        }
        Audio reply = WavFile.read(replies.resolve("question.reply.wav"));
        assertTrue(reply.durationMillis() > 1000, "the reply was spoken into a WAV file");
    }

    @Test
    void transcribeAndSayRoundTrip(@TempDir Path dir) throws IOException {
        Path spoken = dir.resolve("said.wav");
        assertEquals(0, run("say", "when do you close on sunday", "--out", spoken.toString()).exitCode());
        Run heard = run("transcribe", "--json", spoken.toString());
        assertEquals(0, heard.exitCode(), heard.err());
        JsonNode line = JSON.readTree(heard.out().get(0));
        assertTrue(line.get("text").asText().contains("sunday"), line.toString());
        assertTrue(line.get("words").size() >= 4);
    }

    @Test
    void aStoreFolderThatCannotLoadEndsWithOneSentence(@TempDir Path empty) {
        Run run = run("ask", "--store", empty.toString(), "hello");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("could not be loaded"), run.err());
        assertTrue(!run.err().contains("Exception"), "no stack trace: " + run.err());
    }

    @Test
    void anotherStoreWorksWithoutCodeChanges() throws IOException {
        Run run = run("ask", "--json", "--store", "src/test/resources/stores/garden-centre",
                "where are the pruners", "are you open on monday", "is the snake plant in stock");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(JSON.readTree(run.out().get(0)).get("answer").asText().contains("Secateurs"));
        assertTrue(JSON.readTree(run.out().get(1)).get("answer").asText().contains("closed"));
        assertTrue(JSON.readTree(run.out().get(2)).get("answer").asText().contains("out of stock"));
    }
}
