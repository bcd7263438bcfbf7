package kiosk.model.generate;

import java.nio.file.Path;

/**
 * A model pack that is refused. The message is one sentence, {@code file:line: reason.} (or {@code file: reason.} when
 * the problem concerns the whole file), so a technician can fix the pack from the journal alone; the kiosk then keeps
 * answering from its templates.
 */
public class PackException extends RuntimeException {

    private final Path file;
    private final int line;

    public PackException(Path file, int line, String reason) {
        super(sentence(file, line, reason));
        this.file = file;
        this.line = line;
    }

    public PackException(Path file, int line, String reason, Throwable cause) {
        super(sentence(file, line, reason), cause);
        this.file = file;
        this.line = line;
    }

    /** The file at fault: the pack's {@code pack.yaml} or, when it is the folder itself, the folder. */
    public Path file() {
        return file;
    }

    /** The line in {@link #file()}, from 1; 0 when the problem is not on one line (a missing key, a missing file). */
    public int line() {
        return line;
    }

    private static String sentence(Path file, int line, String reason) {
        String where = line > 0 ? file + ":" + line : file.toString();
        return where + ": " + reason + (reason.endsWith(".") ? "" : ".");
    }
}
