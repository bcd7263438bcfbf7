package kiosk.speech;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.tinylog.Logger;

/**
 * Reads and writes WAV files. Reading accepts any PCM WAV (8 to 32-bit integer or 32-bit float, any rate, any number
 * of channels) and converts it to {@link AudioFormat#SPEECH}; the header is checked before the samples are read, so a
 * three-hour recording is refused at once instead of filling the memory.
 */
public final class WavFile {

    /** Longer than any question a shopper asks, short enough to keep a kiosk responsive. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);

    private WavFile() {
    }

    public static Audio read(Path file) {
        return read(file, DEFAULT_MAX_DURATION);
    }

    public static Audio read(Path file, Duration maxDuration) {
        try {
            if (Files.size(file) == 0) {
                throw new AudioException(file + " is empty (0 bytes); expected a WAV file with 16-bit PCM speech.");
            }
        } catch (NoSuchFileException e) {
            throw new AudioException(file + " does not exist.");
        } catch (IOException e) {
            throw new AudioException(file + " cannot be read: " + e.getMessage() + ".", e);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             AudioInputStream stream = AudioSystem.getAudioInputStream(raw)) {
            javax.sound.sampled.AudioFormat source = stream.getFormat();
            checkDuration(file, stream.getFrameLength(), source.getFrameRate(), maxDuration);
            long maxBytes = (long) (maxDuration.toMillis() / 1000.0 * source.getFrameRate() * source.getFrameSize());
            byte[] pcm = readAtMost(stream, maxBytes, file, maxDuration);
            if (stream.getFrameLength() != AudioSystem.NOT_SPECIFIED
                    && pcm.length < stream.getFrameLength() * source.getFrameSize()) {
                Logger.warn("{} is truncated: its header promises {} frames but the file holds {}; using what is there",
                        file, stream.getFrameLength(), pcm.length / Math.max(1, source.getFrameSize()));
            }
            return PcmConverter.toSpeech(source, pcm, file);
        } catch (UnsupportedAudioFileException e) {
            throw new AudioException(file + " is not a readable WAV file (expected RIFF/WAVE with PCM or float "
                    + "samples; compressed or truncated headers are not supported).", e);
        } catch (IOException e) {
            throw new AudioException(file + " cannot be read as WAV: " + e.getMessage() + ".", e);
        }
    }

    /** Writes 16-bit little-endian PCM as a canonical 44-byte-header WAV file. */
    public static void write(Path file, Audio audio) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(WavHeader.of(audio.format(), audio.pcm().length));
            out.write(audio.pcm());
        } catch (IOException e) {
            throw new AudioException("cannot write " + file + ": " + e.getMessage() + ".", e);
        }
    }

    private static void checkDuration(Path file, long frames, float frameRate, Duration maxDuration) {
        if (frames == AudioSystem.NOT_SPECIFIED || frameRate <= 0) {
            return;
        }
        double seconds = frames / (double) frameRate;
        if (seconds * 1000 > maxDuration.toMillis()) {
            throw new AudioException(String.format("%s is %s long; the kiosk takes recordings of at most %s.",
                    file, describe(seconds), describe(maxDuration.toMillis() / 1000.0)));
        }
    }

    private static byte[] readAtMost(AudioInputStream stream, long maxBytes, Path file, Duration maxDuration)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int n = stream.read(buffer); n > 0; n = stream.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > maxBytes) {
                throw new AudioException(String.format("%s is longer than %s; the kiosk takes recordings of at most "
                        + "that.", file, describe(maxDuration.toMillis() / 1000.0)));
            }
        }
        return out.toByteArray();
    }

    private static String describe(double seconds) {
        if (seconds >= 3600) {
            return String.format("%.1f hours", seconds / 3600);
        }
        if (seconds >= 60) {
            return String.format("%.1f minutes", seconds / 60);
        }
        return String.format("%.1f seconds", seconds);
    }

    /** The 44-byte header of a PCM WAV file. */
    static final class WavHeader {
        private WavHeader() {
        }

        static byte[] of(AudioFormat format, long dataBytes) {
            java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(44).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            long riffSize = Math.min(0xFFFFFFFFL, 36 + dataBytes);
            header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) riffSize)
                    .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                    .putShort((short) 1).putShort((short) format.channels())
                    .putInt(format.sampleRate()).putInt(format.bytesPerSecond())
                    .putShort((short) format.bytesPerFrame()).putShort((short) format.bitsPerSample())
                    .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .putInt((int) Math.min(0xFFFFFFFFL, dataBytes));
            return header.array();
        }
    }
}
