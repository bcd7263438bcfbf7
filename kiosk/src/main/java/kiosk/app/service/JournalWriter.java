package kiosk.app.service;

import java.io.PrintStream;
import java.util.Map;

import kiosk.hardware.PrintableText;
import org.tinylog.Level;
import org.tinylog.core.LogEntry;
import org.tinylog.writers.AbstractFormatPatternWriter;

/**
 * tinylog's console writer, plus the syslog priority journald reads from the start of a line ({@code <3>} error,
 * {@code <4>} warning, {@code <6>} info, {@code <7>} debug) when systemd connected standard error to the journal, so
 * {@code journalctl -p err -u kiosk} finds the errors. In a terminal the lines stay plain. Configured as
 * {@code writer = journal} in {@code tinylog.properties}.
 */
public final class JournalWriter extends AbstractFormatPatternWriter {

    private final PrintStream err;
    private final boolean toJournal;

    public JournalWriter(Map<String, String> properties) {
        this(properties, System.err, System.getenv("JOURNAL_STREAM") != null);
    }

    JournalWriter(Map<String, String> properties, PrintStream err, boolean toJournal) {
        super(properties);
        this.err = err;
        this.toJournal = toJournal;
    }

    static int priority(Level level) {
        switch (level) {
            case ERROR:
                return 3;
            case WARN:
                return 4;
            case INFO:
                return 6;
            default:
                return 7;
        }
    }

    @Override
    public void write(LogEntry entry) {
        // what a log line quotes (a file name, a product name, a message) must not drive the technician's terminal
        String text = PrintableText.of(render(entry));
        if (toJournal) {
            // one prefix per line: journald takes each line as its own entry
            String prefix = "<" + priority(entry.getLevel()) + ">";
            text = prefix + text.stripTrailing().replace("\n", "\n" + prefix) + System.lineSeparator();
        }
        err.print(text);
    }

    @Override
    public void flush() {
        err.flush();
    }

    @Override
    public void close() {
        err.flush();
    }
}
