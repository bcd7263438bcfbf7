package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackTheSameSamples() {
        short[] samples = new short[1600];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
        }
        Path file = dir.resolve("tone.wav");
        WavFile.write(file, Audio.ofSamples(samples));
        Audio back = WavFile.read(file);
        assertEquals(AudioFormat.SPEECH, back.format());
        assertArrayEquals(samples, back.samples());
        assertEquals(100, back.durationMillis());
    }

    @Test
    void convertsStereo44kHzToSpeechFormatKeepingTheTone() throws IOException {
        int rate = 44100;
        byte[] stereo = new byte[rate * 4 / 2]; // half a second, 16-bit stereo
        ByteBuffer buffer = ByteBuffer.wrap(stereo).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < rate / 2; i++) {
            short value = (short) (10000 * Math.sin(2 * Math.PI * 440 * i / rate));
            buffer.putShort(value).putShort(value);
        }
        Path file = writeJavaSound(stereo, new javax.sound.sampled.AudioFormat(rate, 16, 2, true, false));
        Audio audio = WavFile.read(file);
        assertEquals(AudioFormat.SPEECH, audio.format());
        assertEquals(500, audio.durationMillis(), 1);
        double peak = 0;
        for (short s : audio.samples()) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertEquals(10000, peak, 400, "the 440 Hz tone keeps its level through resampling");
    }

    @Test
    void readsEightBitAndFloatFiles() throws IOException {
        byte[] eight = new byte[8000];
        for (int i = 0; i < eight.length; i++) {
            eight[i] = (byte) (128 + 100 * Math.sin(2 * Math.PI * 300 * i / 8000.0));
        }
        Audio fromEight = WavFile.read(writeJavaSound(eight,
                new javax.sound.sampled.AudioFormat(javax.sound.sampled.AudioFormat.Encoding.PCM_UNSIGNED, 8000, 8, 1, 1,
                        8000, false)));
        assertEquals(1000, fromEight.durationMillis(), 1);

        ByteBuffer floats = ByteBuffer.allocate(16000 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 16000; i++) {
            floats.putFloat((float) (0.5 * Math.sin(2 * Math.PI * 200 * i / 16000.0)));
        }
        Audio fromFloat = WavFile.read(writeJavaSound(floats.array(),
                new javax.sound.sampled.AudioFormat(javax.sound.sampled.AudioFormat.Encoding.PCM_FLOAT, 16000, 32, 1, 4,
                        16000, false)));
        short max = 0;
        for (short s : fromFloat.samples()) {
            max = (short) Math.max(max, s);
        }
        assertEquals(16383, max, 50);
    }

    @Test
    void badFilesGetOneClearSentenceNamingTheFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        assertMessage(empty, "empty (0 bytes)");

        Path text = Files.writeString(dir.resolve("notes.wav"), "this is not audio at all, just text");
        assertMessage(text, "not a readable WAV file");

        Path truncatedHeader = dir.resolve("truncated.wav");
        Files.write(truncatedHeader, new byte[] {'R', 'I', 'F', 'F', 36, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm'});
        assertMessage(truncatedHeader, "not a readable WAV file");

        assertMessage(dir.resolve("missing.wav"), "does not exist");
    }

    @Test
    void aHeaderClaimingThreeHoursIsRefusedAtOnce() throws IOException {
        Path file = dir.resolve("three-hours.wav");
        long threeHoursBytes = 3L * 3600 * AudioFormat.SPEECH.bytesPerSecond();
        byte[] header = WavFile.WavHeader.of(AudioFormat.SPEECH, threeHoursBytes);
        byte[] start = new byte[header.length + 32000];
        System.arraycopy(header, 0, start, 0, header.length);
        Files.write(file, start);
        AudioException refused = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(AudioException.class, () -> WavFile.read(file)));
        assertTrue(refused.getMessage().contains("3.0 hours"), refused.getMessage());
    }

    @Test
    void aFileCutShortUsesTheAudioThatIsThere() throws IOException {
        Path file = dir.resolve("cut.wav");
        byte[] header = WavFile.WavHeader.of(AudioFormat.SPEECH, 32000);
        byte[] content = new byte[header.length + 16000];
        System.arraycopy(header, 0, content, 0, header.length);
        Files.write(file, content);
        assertEquals(500, WavFile.read(file).durationMillis());
    }

    private void assertMessage(Path file, String expected) {
        AudioException error = assertThrows(AudioException.class, () -> WavFile.read(file));
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private Path writeJavaSound(byte[] pcm, javax.sound.sampled.AudioFormat format) throws IOException {
        File file = Files.createTempFile(dir, "fixture", ".wav").toFile();
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm), format,
                pcm.length / format.getFrameSize())) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file);
        }
        return file.toPath();
    }
}
