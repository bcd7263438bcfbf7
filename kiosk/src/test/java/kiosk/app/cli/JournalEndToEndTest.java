package kiosk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import kiosk.app.KioskPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's "done when", in-process with the real models and the demo store: asking for a person escalates; turns
 * with a phone number, an e-mail address and a card number leave none of them in any file of the state folder; the
 * report of those real turns has a containment figure and groups "bike tyres" with "bicycle tires".
 */
class JournalEndToEndTest {

    /** Distinctive enough not to occur by chance in a binary of the state folder (the tokenizer's cache). */
    private static final List<String> PERSONAL = List.of("8675309", "867 5309", "867-5309", "zebulon", "quigley",
            "4539148803436467", "4539 1488", "0343 6467", "eight six seven five three", "forty five thirty nine");

    @TempDir
    static Path folder;
    private static String savedConfig;
    private static String savedState;

    @BeforeAll
    static void paths() throws IOException {
        savedConfig = System.getProperty(KioskPaths.CONFIG_PROPERTY);
        savedState = System.getProperty(KioskPaths.STATE_PROPERTY);
        System.setProperty("kiosk.store", Path.of("demo-store").toAbsolutePath().toString());
        Path config = folder.resolve("kiosk.conf");
        // transcripts on: the strictest case for redaction (off, the journal holds no words at all)
        Files.writeString(config, "privacy:\n  log_transcripts: yes\nmetrics:\n  textfile_folder: none\n");
        System.setProperty(KioskPaths.CONFIG_PROPERTY, config.toString());
    }

    @AfterAll
    static void restore() {
        restore(KioskPaths.CONFIG_PROPERTY, savedConfig);
        restore(KioskPaths.STATE_PROPERTY, savedState);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    @Test
    void askingForAPersonEscalatesPersonalDataStaysOutAndTheReportHasContainment() throws Exception {
        Path state = folder.resolve("state");
        CommandLineTest.Run person = CommandLineTest.run("ask", "--state", state.toString(), "--json",
                "I want to talk to a real person");
        assertEquals(0, person.exitCode(), person.err());
        JsonNode escalated = CommandLineTest.JSON.readTree(person.out().get(0));
        assertTrue(escalated.get("escalate").asBoolean(), escalated.toString());
        assertEquals("asked_for_person", escalated.get("staff_call").asText());

        CommandLineTest.Run personal = CommandLineTest.run("ask", "--state", state.toString(), "--json",
                "my number is 555 867 5309",
                "do you have bike tyres",
                "email me at zebulon dot quigley at example dot com",
                "my card is 4539 1488 0343 6467",
                "do you have bicycle tires",
                "where is the duct tape");
        assertEquals(0, personal.exitCode(), personal.err());
        for (String secret : PERSONAL) {
            assertFalse(personal.err().toLowerCase().contains(secret), "the log holds '" + secret + "'");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(state)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.contains(state.resolve("journal.db")), files.toString());
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase();
            for (String secret : PERSONAL) {
                assertFalse(content.contains(secret), file + " holds '" + secret + "'");
            }
        }

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = KioskctlCommand.commandLine().execute("report", "--state", state.toString(), "--json");
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, code);
        JsonNode report = CommandLineTest.JSON.readTree(captured.toString(StandardCharsets.UTF_8));
        assertEquals(7, report.get("turns").asInt(), report.toString());
        assertEquals(2, report.get("sessions").asInt(), report.toString());
        // the first session called a person; the second asked three things the store lacks but no one was called
        assertEquals(0.5, report.get("containment").asDouble(), 1e-9, report.toString());
        assertEquals(1, report.get("staff_calls").get("asked_for_person").asInt(), report.toString());
        JsonNode top = report.get("not_found").get(0);
        assertEquals(2, top.get("count").asInt(), "bike tyres and bicycle tires are one request: " + report);
        assertTrue(report.get("stages_ms").has("understand"), report.toString());
    }
}
