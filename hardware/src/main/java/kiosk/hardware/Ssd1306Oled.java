package kiosk.hardware;

import java.util.Arrays;
import java.util.List;

/**
 * A 128x64 monochrome OLED with an SSD1306 controller on I2C. Knows only the protocol; the bytes go to a
 * {@link ByteSink}.
 *
 * <p>Every I2C transfer starts with a control byte: {@code 0x00} when commands follow, {@code 0x40} when display data
 * (GDDRAM) follows. The display RAM is eight pages of 128 column bytes; a page is eight pixel rows and a byte's least
 * significant bit is the page's top row. The driver draws into a frame buffer of the same layout and, on a flush,
 * sends only the pages that differ from what the display is known to hold, because a full screen is 1 KiB and the
 * bus is slow.
 */
public final class Ssd1306Oled {

    static final int WIDTH = 128;
    static final int PAGES = 8;
    static final int TEXT_COLUMNS = 21;

    static final int CONTROL_COMMAND = 0x00;
    static final int CONTROL_DATA = 0x40;
    static final int DISPLAY_OFF = 0xAE;
    static final int DISPLAY_ON = 0xAF;
    static final int SET_COLUMN_RANGE = 0x21;
    static final int SET_PAGE_RANGE = 0x22;

    /**
     * Data bytes per transfer after the {@code 0x40} prefix. Many I2C adapters and kernel drivers cap one transfer
     * (the smbus block limit is 32 bytes, some bridges less); 16 stays well under every limit we know and still sends
     * a page in eight transfers.
     */
    static final int DATA_CHUNK = 16;

    /** The datasheet's power-up settings for a 128x64 panel with the internal charge pump, ending with display on. */
    private static final int[] INIT = {
            DISPLAY_OFF,
            0xD5, 0x80,   // clock divide ratio and oscillator frequency: the reset value
            0xA8, 0x3F,   // multiplex ratio: 64 rows
            0xD3, 0x00,   // no display offset
            0x40,         // display start line 0
            0x8D, 0x14,   // charge pump on: the module has no external high voltage
            0x20, 0x00,   // horizontal addressing: data runs along a page, then wraps within the set ranges
            0xA1,         // segment remap: column 127 is SEG0, so the image is not mirrored on common modules
            0xC8,         // COM scan from the bottom, so the image is not upside down
            0xDA, 0x12,   // COM pins: alternative configuration, as wired on 128x64 panels
            0x81, 0xCF,   // contrast
            0xD9, 0xF1,   // pre-charge period for the internal charge pump
            0xDB, 0x40,   // VCOMH deselect level
            0xA4,         // show the RAM content (not all pixels on)
            0xA6,         // normal, not inverted
            DISPLAY_ON,
    };

    private static final int CHARACTER_ADVANCE = BitmapFont.WIDTH + 1;
    private static final int AISLE_SCALE = 4;
    /** The large aisle number is 28 rows high, centred in pages 2..5 (rows 16..47) under the heading. */
    private static final int AISLE_TOP_ROW = 18;
    private static final int AISLE_CHARACTERS = WIDTH / (CHARACTER_ADVANCE * AISLE_SCALE);

    private final ByteSink sink;
    private final byte[] frame = new byte[WIDTH * PAGES];
    /** What each page of the display holds, as far as the driver knows. */
    private final byte[] shown = new byte[WIDTH * PAGES];
    /** False until a page was sent whole: after power-up, init or a failed transfer its content is unknown. */
    private final boolean[] known = new boolean[PAGES];

    public Ssd1306Oled(ByteSink sink) {
        this.sink = sink;
    }

    /** Sends the power-up settings as one command transfer; the display RAM is left as it was, so it is unknown. */
    public void init() {
        command(INIT);
        Arrays.fill(known, false);
    }

    /** Blanks the screen, sending every page whatever the driver believes the display holds. */
    public void clear() {
        Arrays.fill(frame, (byte) 0);
        Arrays.fill(known, false);
        flushChangedPages();
    }

    /** Shows up to eight lines of 21 characters, one per page; longer lines and further lines are cut. */
    public void showText(List<String> lines) {
        Arrays.fill(frame, (byte) 0);
        for (int page = 0; page < Math.min(PAGES, lines.size()); page++) {
            drawText(lines.get(page), 0, page * 8, 1, TEXT_COLUMNS);
        }
        flushChangedPages();
    }

    /** Shows a small heading on the top page and the aisle number four times as large, centred (up to 5 characters). */
    public void showAisle(String heading, String aisleNumber) {
        Arrays.fill(frame, (byte) 0);
        drawText(heading, 0, 0, 1, TEXT_COLUMNS);
        int characters = (int) Math.min(AISLE_CHARACTERS, aisleNumber.codePoints().count());
        // the trailing space of the last character is not part of the number's width
        int width = (characters * CHARACTER_ADVANCE - 1) * AISLE_SCALE;
        drawText(aisleNumber, (WIDTH - width) / 2, AISLE_TOP_ROW, AISLE_SCALE, AISLE_CHARACTERS);
        flushChangedPages();
    }

    public void power(boolean on) {
        command(new int[] {on ? DISPLAY_ON : DISPLAY_OFF});
    }

    /** A copy of the frame buffer: page after page, 128 column bytes each. */
    byte[] frame() {
        return frame.clone();
    }

    private void drawText(String text, int left, int top, int scale, int maxCharacters) {
        int[] codePoints = text.codePoints().limit(maxCharacters).toArray();
        for (int i = 0; i < codePoints.length; i++) {
            for (int x = 0; x < BitmapFont.WIDTH; x++) {
                int bits = BitmapFont.column(codePoints[i], x);
                for (int y = 0; y < BitmapFont.HEIGHT; y++) {
                    if ((bits >> y & 1) != 0) {
                        fill(left + (i * CHARACTER_ADVANCE + x) * scale, top + y * scale, scale);
                    }
                }
            }
        }
    }

    /** Lights a square of pixels; callers keep it inside the screen. */
    private void fill(int left, int top, int size) {
        for (int row = top; row < top + size; row++) {
            for (int column = left; column < left + size; column++) {
                frame[row / 8 * WIDTH + column] |= (byte) (1 << row % 8);
            }
        }
    }

    private void flushChangedPages() {
        for (int page = 0; page < PAGES; page++) {
            int start = page * WIDTH;
            if (!known[page] || !Arrays.equals(frame, start, start + WIDTH, shown, start, start + WIDTH)) {
                sendPage(page);
            }
        }
    }

    private void sendPage(int page) {
        int start = page * WIDTH;
        // if a transfer fails half-way the page holds a mix, so it is unknown until sent whole
        known[page] = false;
        command(new int[] {SET_COLUMN_RANGE, 0, WIDTH - 1, SET_PAGE_RANGE, page, page});
        for (int offset = 0; offset < WIDTH; offset += DATA_CHUNK) {
            byte[] transfer = new byte[1 + DATA_CHUNK];
            transfer[0] = CONTROL_DATA;
            System.arraycopy(frame, start + offset, transfer, 1, DATA_CHUNK);
            sink.write(transfer);
        }
        System.arraycopy(frame, start, shown, start, WIDTH);
        known[page] = true;
    }

    private void command(int[] commands) {
        byte[] transfer = new byte[1 + commands.length];
        transfer[0] = CONTROL_COMMAND;
        for (int i = 0; i < commands.length; i++) {
            transfer[i + 1] = (byte) commands[i];
        }
        sink.write(transfer);
    }
}
