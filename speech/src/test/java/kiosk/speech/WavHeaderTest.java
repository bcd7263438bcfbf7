package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, finding 7: a WAV header that says 0 Hz, claims 4 GB or holds no samples gets one precise sentence, from
 * the header, before any sample is read; and a file's samples are bounded in bytes as well as in time.
 */
class WavHeaderTest {

    @TempDir
    Path dir;

    @Test
    void aZeroHertzHeaderIsNamedAsSuch() throws IOException {
        Path file = wav("zero.wav", 0, 1, 3200, 3200);
        assertSentence(file, file + "'s header gives a sample rate of 0 Hz; the kiosk reads WAV files of 4,000 to "
                + "192,000 Hz.");
    }

    @Test
    void aHeaderClaimingFourGigabytesTheFileDoesNotHoldIsNamedAsSuch() throws IOException {
        Path file = wav("claims.wav", 16000, 1, 0xFFFFFFFFL, 32000);
        assertSentence(file, file + "'s header claims 4.0 GB of samples (37.3 hours) but the file holds 31.3 KB: "
                + "the header is broken or the file cut off; the kiosk takes recordings of at most 10.0 minutes.");
    }

    @Test
    void aFileWithoutSamplesSaysSo() throws IOException {
        Path file = wav("nothing.wav", 16000, 1, 0, 0);
        assertSentence(file, file + " holds no audio: its header says the samples take 0 bytes.");
    }

    @Test
    void moreThanThirtyTwoMegabytesOfSamplesAreRefusedFromTheHeader() throws IOException {
        Path file = wav("long-cd.wav", 44100, 2, 9L * 60 * 44100 * 4, -1);
        AudioException refused = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(AudioException.class, () -> WavFile.read(file)));
        assertEquals(file + " holds 90.8 MB of samples; the kiosk reads at most 32.0 MB (10 minutes of 16 kHz mono, "
                + "3 minutes of 44.1 kHz stereo).", refused.getMessage());
    }

    private void assertSentence(Path file, String sentence) {
        AudioException refused = assertThrows(AudioException.class, () -> WavFile.read(file));
        assertEquals(sentence, refused.getMessage());
        assertTrue(refused.getMessage().indexOf(". ") < 0, "one sentence: " + refused.getMessage());
    }

    /** A PCM header with {@code dataSize} in it and {@code present} bytes of silence (-1: all of them, sparse). */
    private Path wav(String name, int rate, int channels, long dataSize, long present) throws IOException {
        Path file = dir.resolve(name);
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) Math.min(0xFFFFFFFFL, 36 + dataSize))
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) channels).putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2))
                .putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataSize);
        Files.write(file, header.array());
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(44 + (present < 0 ? dataSize : present));
        }
        return file;
    }
}
