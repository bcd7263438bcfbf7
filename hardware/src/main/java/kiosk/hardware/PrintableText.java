package kiosk.hardware;

import java.util.regex.Pattern;

/**
 * Text made safe to show on a terminal or write to a log: terminal escape sequences (ANSI colours, cursor moves,
 * window titles), other control characters (NUL, bell, backspace, C1 controls) and bidirectional overrides are
 * removed. A product name, an FAQ answer or a typed question then cannot repaint the technician's terminal, hide a
 * log line or forge one.
 */
public final class PrintableText {

    /** CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), and any other ESC with the character after it. */
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?"
                    + "|\u009B[0-?]*[ -/]*[@-~]|\u001B.?");
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\u202A-\u202E\u2066-\u2069&&[^\n\t]]");

    private PrintableText() {
    }

    /** {@code text} without escape sequences and control characters; line ends and tabs are kept. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E
                    || c >= 0x2066 && c <= 0x2069) {
                return CONTROLS.matcher(ESCAPES.matcher(text).replaceAll("")).replaceAll("");
            }
        }
        return text; // the common case: nothing to remove, no copy
    }

    /** As {@link #of}, on one line: line ends and tabs become spaces (a display line, a typed question). */
    public static String line(String text) {
        return of(text).replace('\n', ' ').replace('\t', ' ').replace("\r", "");
    }
}
