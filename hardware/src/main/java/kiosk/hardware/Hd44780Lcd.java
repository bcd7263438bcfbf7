package kiosk.hardware;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An HD44780 character LCD (16x2 or 20x4) behind a PCF8574 I2C backpack, in 4-bit mode. Knows only the protocol;
 * the bytes go to a {@link ByteSink}.
 *
 * <p>The backpack maps its eight outputs to RS (P0), RW (P1), E (P2), backlight (P3) and D4–D7 (P4–P7). Each byte for
 * the controller is sent as two nibbles, each latched by an enable pulse: writing one character with the backlight on
 * is four bytes — high nibble with E set, then cleared, low nibble likewise.
 */
public final class Hd44780Lcd {

    static final int RS = 0x01;
    static final int ENABLE = 0x04;
    static final int BACKLIGHT = 0x08;

    static final int CLEAR = 0x01;
    static final int ENTRY_LEFT_TO_RIGHT = 0x06;
    static final int DISPLAY_ON_CURSOR_OFF = 0x0C;
    static final int DISPLAY_OFF = 0x08;
    static final int FUNCTION_4BIT_2LINE = 0x28;
    static final int SET_CGRAM = 0x40;
    static final int SET_DDRAM = 0x80;

    /** Glyph slots for the custom characters. */
    public static final int MICROPHONE = 0;
    public static final int SPEAKER = 1;

    private static final int[][] ROW_OFFSETS = {{0x00, 0x40}, {0x00, 0x40, 0x14, 0x54}};
    private static final byte[] MICROPHONE_GLYPH = {0x0E, 0x0E, 0x0E, 0x0E, 0x1F, 0x0E, 0x04, 0x0E};
    private static final byte[] SPEAKER_GLYPH = {0x01, 0x03, 0x1F, 0x1F, 0x1F, 0x03, 0x01, 0x00};

    private final ByteSink sink;
    private final int columns;
    private final int rows;
    private final Pause pause;
    private boolean backlight = true;

    /** Waits the controller needs between steps; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Pause {
        void micros(long micros);

        Pause REAL = micros -> {
            try {
                Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    public Hd44780Lcd(ByteSink sink, int columns, int rows, Pause pause) {
        if (!(columns == 16 && rows == 2 || columns == 20 && rows == 4)) {
            throw new IllegalArgumentException("supported: 16x2 and 20x4, not " + columns + "x" + rows);
        }
        this.sink = sink;
        this.columns = columns;
        this.rows = rows;
        this.pause = pause;
    }

    /** The power-on sequence of the datasheet (figure 24): three times 8-bit mode, then 4-bit, then settings. */
    public void initialize() {
        pause.micros(50_000);
        nibbleOnly(0x3, 0);
        pause.micros(4_500);
        nibbleOnly(0x3, 0);
        pause.micros(150);
        nibbleOnly(0x3, 0);
        nibbleOnly(0x2, 0);
        command(FUNCTION_4BIT_2LINE);
        command(DISPLAY_OFF);
        clear();
        command(ENTRY_LEFT_TO_RIGHT);
        defineGlyph(MICROPHONE, MICROPHONE_GLYPH);
        defineGlyph(SPEAKER, SPEAKER_GLYPH);
        command(DISPLAY_ON_CURSOR_OFF);
    }

    public void clear() {
        command(CLEAR);
        pause.micros(2_000);
    }

    /** Writes a row (0 = top), padded with spaces or cut to the display's width; non-ASCII becomes '?'. */
    public void writeLine(int row, String text) {
        if (row < 0 || row >= rows) {
            throw new IllegalArgumentException("row " + row + " of a " + rows + "-row display");
        }
        command(SET_DDRAM | ROW_OFFSETS[rows == 2 ? 0 : 1][row]);
        String fitted = (text + " ".repeat(columns)).substring(0, columns);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte character : fitted.getBytes(StandardCharsets.US_ASCII)) {
            appendByte(bytes, character & 0xFF, RS);
        }
        sink.write(bytes.toByteArray());
    }

    /** Writes a custom glyph at a row and column (e.g. the microphone while listening). */
    public void writeGlyph(int row, int column, int slot) {
        command(SET_DDRAM | ROW_OFFSETS[rows == 2 ? 0 : 1][row] + column);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        appendByte(bytes, slot, RS);
        sink.write(bytes.toByteArray());
    }

    public void backlight(boolean on) {
        backlight = on;
        sink.write(new byte[] {(byte) (on ? BACKLIGHT : 0)});
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    void defineGlyph(int slot, byte[] pattern) {
        command(SET_CGRAM | (slot << 3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte line : pattern) {
            appendByte(bytes, line, RS);
        }
        sink.write(bytes.toByteArray());
    }

    void command(int value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        appendByte(bytes, value, 0);
        sink.write(bytes.toByteArray());
        pause.micros(50);
    }

    private void nibbleOnly(int nibble, int mode) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        appendNibble(bytes, nibble, mode);
        sink.write(bytes.toByteArray());
    }

    private void appendByte(ByteArrayOutputStream bytes, int value, int mode) {
        appendNibble(bytes, (value >> 4) & 0x0F, mode);
        appendNibble(bytes, value & 0x0F, mode);
    }

    private void appendNibble(ByteArrayOutputStream bytes, int nibble, int mode) {
        int base = (nibble << 4) | mode | (backlight ? BACKLIGHT : 0);
        bytes.write(base | ENABLE);
        bytes.write(base);
    }
}
