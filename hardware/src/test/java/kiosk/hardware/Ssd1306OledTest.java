package kiosk.hardware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import org.junit.jupiter.api.Test;

class Ssd1306OledTest {

    static final int[] INIT = {0x00, 0xAE, 0xD5, 0x80, 0xA8, 0x3F, 0xD3, 0x00, 0x40, 0x8D, 0x14, 0x20, 0x00, 0xA1,
            0xC8, 0xDA, 0x12, 0x81, 0xCF, 0xD9, 0xF1, 0xDB, 0x40, 0xA4, 0xA6, 0xAF};
    static final int[] LETTER_A = {0x7E, 0x11, 0x11, 0x11, 0x7E};

    /** Every transfer the driver sent, in order, as unsigned values. */
    static final class Recorder implements ByteSink {
        final List<int[]> transfers = new ArrayList<>();

        @Override
        public void write(byte[] data) {
            transfers.add(unsigned(data));
        }

        /** The data each page write carried, by page, with the 0x40 prefixes taken off. */
        Map<Integer, int[]> pages() {
            Map<Integer, int[]> pages = new TreeMap<>();
            int page = -1;
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (int[] transfer : transfers) {
                if (transfer[0] == 0x00 && transfer[1] == 0x21) {
                    page = transfer[5];
                    data.reset();
                } else {
                    assertEquals(0x40, transfer[0], "a data transfer follows the page's command transfer");
                    Arrays.stream(transfer, 1, transfer.length).forEach(data::write);
                    pages.put(page, unsigned(data.toByteArray()));
                }
            }
            return pages;
        }
    }

    @Test
    void initSendsTheDatasheetSequenceAsOneCommandTransfer() {
        Recorder recorder = new Recorder();
        new Ssd1306Oled(recorder).init();
        assertEquals(1, recorder.transfers.size());
        assertArrayEquals(INIT, recorder.transfers.get(0));
    }

    @Test
    void clearWritesEveryPageAsACommandTransferAndEightDataChunks() {
        Recorder recorder = new Recorder();
        Ssd1306Oled oled = new Ssd1306Oled(recorder);
        oled.showText(List.of("something on", "the screen"));
        recorder.transfers.clear();
        oled.clear();
        assertEquals(8 * (1 + 128 / 16), recorder.transfers.size());
        for (int page = 0; page < 8; page++) {
            int first = page * 9;
            assertArrayEquals(new int[] {0x00, 0x21, 0, 127, 0x22, page, page}, recorder.transfers.get(first));
            for (int chunk = 1; chunk <= 8; chunk++) {
                int[] data = recorder.transfers.get(first + chunk);
                assertEquals(17, data.length);
                assertEquals(0x40, data[0]);
                assertTrue(Arrays.stream(data, 1, 17).allMatch(b -> b == 0), "page " + page + " is blank");
            }
        }
        assertTrue(allZero(oled.frame()));
    }

    @Test
    void aLetterIsItsFontColumnsFollowedByASpacingColumn() {
        Recorder recorder = new Recorder();
        new Ssd1306Oled(recorder).showText(List.of("A" + "B".repeat(20) + "CD"));
        int[] page0 = recorder.pages().get(0);
        assertEquals(128, page0.length);
        assertArrayEquals(LETTER_A, Arrays.copyOfRange(page0, 0, 5));
        for (int x = 0; x < 5; x++) {
            assertEquals(BitmapFont.column('A', x), page0[x]);
        }
        assertEquals(0, page0[5]);
        // the 21st character is the last: a B at columns 120..124; C and D are cut, no wrap to the next page
        assertEquals(BitmapFont.column('B', 0), page0[120]);
        assertArrayEquals(new int[] {0, 0, 0}, Arrays.copyOfRange(page0, 125, 128));
        assertTrue(allZero(recorder.pages().get(1)));
    }

    @Test
    void onlyPagesThatChangedAreSentAgain() {
        Recorder recorder = new Recorder();
        Ssd1306Oled oled = new Ssd1306Oled(recorder);
        List<String> lines = List.of("Where is", "the paint?", "", "Aisle 7", "", "", "", "ask staff");
        oled.showText(lines);
        assertEquals(8, recorder.pages().size(), "the display's content is unknown before the first flush");
        recorder.transfers.clear();
        oled.showText(lines);
        assertEquals(List.of(), recorder.transfers);
        List<String> changed = new ArrayList<>(lines);
        changed.set(3, "Aisle 8");
        oled.showText(changed);
        assertEquals(List.of(3), List.copyOf(recorder.pages().keySet()));
        assertEquals(1 + 8, recorder.transfers.size());
    }

    @Test
    void theAisleNumberIsLargeAndCentred() {
        Recorder recorder = new Recorder();
        Ssd1306Oled oled = new Ssd1306Oled(recorder);
        oled.showAisle("Paint is in aisle", "42");
        byte[] frame = oled.frame();
        assertEquals(BitmapFont.column('P', 0), frame[0], "the heading is small on page 0");
        List<Integer> pagesWithNumber = new ArrayList<>();
        int firstLit = 128;
        int lastLit = -1;
        for (int page = 1; page < 8; page++) {
            for (int x = 0; x < 128; x++) {
                if (frame[page * 128 + x] != 0) {
                    if (!pagesWithNumber.contains(page)) {
                        pagesWithNumber.add(page);
                    }
                    firstLit = Math.min(firstLit, x);
                    lastLit = Math.max(lastLit, x);
                }
            }
        }
        assertEquals(List.of(2, 3, 4, 5), pagesWithNumber);
        // two glyphs 20 px wide with a 4 px gap: 44 px
        assertEquals(43, lastLit - firstLit);
        int rightMargin = 127 - lastLit;
        assertTrue(Math.abs(firstLit - rightMargin) <= 1, "margins " + firstLit + " and " + rightMargin);
        // a '4' column scaled up: its stem (0x7F, all seven rows) becomes a 4 px wide bar 28 rows tall
        int stem = firstLit + 3 * 4;
        for (int row = 18; row < 18 + 28; row++) {
            assertTrue((frame[row / 8 * 128 + stem] >> row % 8 & 1) != 0, "row " + row + " of the stem");
        }
        assertEquals(8, recorder.pages().size());
    }

    @Test
    void charactersOutsideTheFontAreQuestionMarks() {
        Ssd1306Oled oled = new Ssd1306Oled(new Recorder());
        oled.showText(List.of("?\t?"));
        byte[] questionMarks = oled.frame();
        assertFalse(allZero(questionMarks));
        // an accented letter, a tab and an emoji (two chars in Java, one character on screen)
        oled.showText(List.of("é\t\uD83D\uDE00"));
        assertArrayEquals(questionMarks, oled.frame());
        oled.showText(List.of("???"));
        assertArrayEquals(questionMarks, oled.frame());
    }

    @Test
    void powerSwitchesTheDisplayOffAndOn() {
        Recorder recorder = new Recorder();
        Ssd1306Oled oled = new Ssd1306Oled(recorder);
        oled.power(false);
        oled.power(true);
        assertArrayEquals(new int[] {0x00, 0xAE}, recorder.transfers.get(0));
        assertArrayEquals(new int[] {0x00, 0xAF}, recorder.transfers.get(1));
    }

    @Test
    void aFailedTransferIsThrownAndThePageIsSentAgainNextTime() {
        HardwareException gone = new HardwareException("the I2C device oled at bus 1, address 0x3C did not answer");
        Recorder recorder = new Recorder();
        boolean[] failing = {false};
        Ssd1306Oled oled = new Ssd1306Oled(bytes -> {
            // the page's command goes through, its first data chunk does not: the page is half written
            if (failing[0] && bytes[0] == 0x40) {
                throw gone;
            }
            recorder.write(bytes);
        });
        List<String> hello = List.of("hello");
        oled.showText(hello);
        failing[0] = true;
        assertSame(gone, assertThrows(HardwareException.class, () -> oled.showText(List.of("goodbye"))));
        failing[0] = false;
        recorder.transfers.clear();
        oled.showText(hello);
        assertEquals(List.of(0), List.copyOf(recorder.pages().keySet()),
                "the half-written page is sent again though the frame is what was last sent whole");
    }

    @Test
    void initReachesTheI2cBusThroughPi4j() {
        Context pi4j = Pi4J.newContextBuilder().add(MockI2CProvider.newInstance()).build();
        try (I2cByteSink sink = new I2cByteSink(pi4j, "oled", 1, 0x3C)) {
            new Ssd1306Oled(sink).init();
            I2C device = pi4j.registry().get("oled");
            assertEquals(0x3C, device.device());
            byte[] written = new byte[INIT.length + 1];
            // the mock device hands back what was written; one byte more proves nothing else was
            assertEquals(INIT.length, device.read(written, 0, written.length));
            assertArrayEquals(INIT, unsigned(Arrays.copyOf(written, INIT.length)));
        } finally {
            pi4j.shutdown();
        }
    }

    static int[] unsigned(byte[] bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }

    private static boolean allZero(byte[] bytes) {
        return allZero(unsigned(bytes));
    }

    private static boolean allZero(int[] values) {
        return Arrays.stream(values).allMatch(v -> v == 0);
    }
}
