package kiosk.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.tinylog.Level;
import org.tinylog.core.LogEntry;
import org.junit.jupiter.api.Test;

class JournalWriterTest {

    private static LogEntry entry(Level level, String message) {
        return new LogEntry(null, null, null, null, null, null, 0, null, level, message, null);
    }

    private static String written(boolean toJournal, LogEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JournalWriter writer = new JournalWriter(Map.of("format", "{level}: {message}"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), toJournal);
        writer.write(entry);
        writer.close();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void underSystemdEachLineCarriesThePriorityJournaldReads() {
        String nl = System.lineSeparator();
        assertEquals("<3>ERROR: the display did not answer" + nl,
                written(true, entry(Level.ERROR, "the display did not answer")));
        assertEquals("<4>WARN: staff called" + nl, written(true, entry(Level.WARN, "staff called")));
        assertEquals("<6>INFO: reloaded" + nl, written(true, entry(Level.INFO, "reloaded")));
        assertEquals("<4>WARN: first" + nl + "<4>second" + nl, written(true, entry(Level.WARN, "first\nsecond")));
    }

    @Test
    void inATerminalTheLinesStayPlain() {
        assertEquals("ERROR: broken" + System.lineSeparator(), written(false, entry(Level.ERROR, "broken")));
    }

    /** Issue 14, finding 7: a quoted name or message cannot drive the technician's terminal or forge a line. */
    @Test
    void terminalEscapesAndControlCharactersNeverReachTheLog() {
        assertEquals("<4>WARN: Cord 25 ft: bad row" + System.lineSeparator(), written(true,
                entry(Level.WARN, "\u001B[2J\u001B[31mCord\u001B[0m 25\u0000 ft\u001B]0;title\u0007: bad row")));
    }
}
