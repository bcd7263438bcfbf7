package kiosk.hardware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import org.junit.jupiter.api.Test;

class Hd44780LcdTest {

    /** Every byte the driver sent, in order. */
    static final class Recorder implements ByteSink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(byte[] data) {
            bytes.writeBytes(data);
        }

        int[] unsigned() {
            byte[] raw = bytes.toByteArray();
            int[] out = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                out[i] = raw[i] & 0xFF;
            }
            return out;
        }
    }

    @Test
    void oneCharacterWithTheBacklightOnIsFourBytes() {
        Recorder recorder = new Recorder();
        Hd44780Lcd lcd = new Hd44780Lcd(recorder, 16, 2, micros -> { });
        lcd.writeLine(1, "A");
        int[] sent = recorder.unsigned();
        // set DDRAM address 0x40 (row 1): command 0xC0 = high nibble C, low nibble 0, RS low, backlight on
        assertArrayEquals(new int[] {0xCC, 0xC8, 0x0C, 0x08}, Arrays.copyOfRange(sent, 0, 4));
        // 'A' = 0x41 with RS: high nibble 4 with E set then cleared, low nibble 1 likewise
        assertArrayEquals(new int[] {0x4D, 0x49, 0x1D, 0x19}, Arrays.copyOfRange(sent, 4, 8));
        // padded with spaces (0x20) to 16 characters
        assertEquals(4 + 16 * 4, sent.length);
        assertArrayEquals(new int[] {0x2D, 0x29, 0x0D, 0x09}, Arrays.copyOfRange(sent, 8, 12));
    }

    @Test
    void initializationFollowsTheDatasheetInFourBitMode() {
        Recorder recorder = new Recorder();
        new Hd44780Lcd(recorder, 20, 4, micros -> { }).initialize();
        int[] sent = recorder.unsigned();
        int[] expectedStart = {
                0x3C, 0x38, 0x3C, 0x38, 0x3C, 0x38,   // 8-bit mode three times (nibble 3)
                0x2C, 0x28,                            // switch to 4-bit (nibble 2)
                0x2C, 0x28, 0x8C, 0x88,                // function set 0x28: 4-bit, 2 lines, 5x8
                0x0C, 0x08, 0x8C, 0x88,                // display off 0x08
                0x0C, 0x08, 0x1C, 0x18,                // clear 0x01
                0x0C, 0x08, 0x6C, 0x68,                // entry mode 0x06
                0x4C, 0x48, 0x0C, 0x08,                // CGRAM address 0x40: the microphone glyph follows
        };
        assertArrayEquals(expectedStart, Arrays.copyOfRange(sent, 0, expectedStart.length));
        // two glyphs of eight rows (with their CGRAM commands), then display on 0x0C
        int glyphBytes = 2 * (4 + 8 * 4);
        int end = expectedStart.length - 4 + glyphBytes;
        assertArrayEquals(new int[] {0x0C, 0x08, 0xCC, 0xC8}, Arrays.copyOfRange(sent, end, end + 4));
        assertEquals(end + 4, sent.length);
    }

    @Test
    void rowsOfA20x4DisplayStartAtTheControllersOffsets() {
        Recorder recorder = new Recorder();
        Hd44780Lcd lcd = new Hd44780Lcd(recorder, 20, 4, micros -> { });
        lcd.writeLine(2, "");
        // row 2 starts at 0x14: command 0x94
        assertArrayEquals(new int[] {0x9C, 0x98, 0x4C, 0x48}, Arrays.copyOfRange(recorder.unsigned(), 0, 4));
    }

    @Test
    void theBytesReachTheI2cBusThroughPi4j() {
        Context pi4j = Pi4J.newContextBuilder().add(MockI2CProvider.newInstance()).build();
        try (I2cByteSink sink = new I2cByteSink(pi4j, "lcd", 1, 0x27)) {
            Hd44780Lcd lcd = new Hd44780Lcd(sink, 16, 2, micros -> { });
            lcd.writeLine(0, "Aisle 4");
            I2C device = pi4j.registry().get("lcd");
            assertEquals(0x27, device.device());
            byte[] written = new byte[4 + 16 * 4];
            assertEquals(written.length, device.read(written, 0, written.length));
            // DDRAM row 0 (0x80), then 'A'
            assertArrayEquals(new byte[] {(byte) 0x8C, (byte) 0x88, 0x0C, 0x08, 0x4D, 0x49, 0x1D, 0x19},
                    Arrays.copyOf(written, 8));
        } finally {
            pi4j.shutdown();
        }
    }
}
