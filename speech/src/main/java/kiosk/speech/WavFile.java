package kiosk.speech;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.tinylog.Logger;

/**
 * Reads and writes WAV files. Reading accepts any PCM WAV (8 to 32-bit integer or 32-bit float, any rate, any number
 * of channels) and converts it to {@link AudioFormat#SPEECH}; the header is checked before the samples are read, so a
 * three-hour recording, a 0 Hz rate, an empty data chunk or a header claiming gigabytes the file does not hold is
 * refused at once with one sentence instead of filling the memory. At most {@link #MAX_DATA_BYTES} of samples and
 * {@link #DEFAULT_MAX_DURATION} are read.
 */
public final class WavFile {

    /** Longer than any question a shopper asks, short enough to keep a kiosk responsive. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);
    /** The most bytes of samples read from one file (checked from the header, before any sample is read). */
    public static final long MAX_DATA_BYTES = 32L * 1024 * 1024;
    static final int MIN_RATE = 4_000;
    static final int MAX_RATE = 192_000;

    private WavFile() {
    }

    public static Audio read(Path file) {
        return read(file, DEFAULT_MAX_DURATION);
    }

    public static Audio read(Path file, Duration maxDuration) {
        long fileBytes;
        try {
            if (!Files.isRegularFile(file) && Files.exists(file)) {
                throw new AudioException(file + " is not an ordinary file (a folder, FIFO or device); expected a "
                        + "WAV file.");
            }
            fileBytes = Files.size(file);
            if (fileBytes == 0) {
                throw new AudioException(file + " is empty (0 bytes); expected a WAV file with 16-bit PCM speech.");
            }
        } catch (NoSuchFileException e) {
            throw new AudioException(file + " does not exist.");
        } catch (IOException e) {
            throw new AudioException(file + " cannot be read: " + e.getMessage() + ".", e);
        }
        Optional<RiffHeader> riff = RiffHeader.read(file);
        long dataBytes = riff.map(header -> check(file, header, fileBytes, maxDuration)).orElse(MAX_DATA_BYTES);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             AudioInputStream stream = AudioSystem.getAudioInputStream(raw)) {
            javax.sound.sampled.AudioFormat source = stream.getFormat();
            if (riff.isEmpty()) {
                checkDuration(file, stream.getFrameLength(), source.getFrameRate(), maxDuration);
            }
            long maxBytes = Math.min(dataBytes, (long) (maxDuration.toMillis() / 1000.0 * source.getFrameRate()
                    * source.getFrameSize()));
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

    /**
     * Refuses, from the header alone, what cannot be a shopper's question: no samples, an impossible rate, more than
     * {@link #MAX_DATA_BYTES} or {@code maxDuration}, or a size claim the file does not hold by far. Returns how many
     * bytes of samples to read.
     */
    private static long check(Path file, RiffHeader header, long fileBytes, Duration maxDuration) {
        if (header.sampleRate() < MIN_RATE || header.sampleRate() > MAX_RATE) {
            throw new AudioException(String.format("%s's header gives a sample rate of %,d Hz; the kiosk reads WAV "
                    + "files of %,d to %,d Hz.", file, header.sampleRate(), MIN_RATE, MAX_RATE));
        }
        if (header.bytesPerSecond() <= 0) {
            throw new AudioException(file + "'s header gives no sample size or channel count; it is not a usable "
                    + "WAV file.");
        }
        if (header.dataBytes() == 0) {
            throw new AudioException(file + " holds no audio: its header says the samples take 0 bytes.");
        }
        long present = Math.max(0, fileBytes - header.dataOffset());
        if (present == 0) {
            throw new AudioException(file + " holds no audio: the file ends where its samples should begin.");
        }
        double claimedSeconds = header.dataBytes() / (double) header.bytesPerSecond();
        boolean tooLong = claimedSeconds * 1000 > maxDuration.toMillis() || header.dataBytes() > MAX_DATA_BYTES;
        if (tooLong && header.dataBytes() > present * 2) {
            throw new AudioException(String.format("%s's header claims %s of samples (%s) but the file holds %s: the "
                    + "header is broken or the file cut off; the kiosk takes recordings of at most %s.", file,
                    size(header.dataBytes()), describe(claimedSeconds), size(present),
                    describe(maxDuration.toMillis() / 1000.0)));
        }
        if (claimedSeconds * 1000 > maxDuration.toMillis()) {
            throw new AudioException(String.format("%s is %s long; the kiosk takes recordings of at most %s.",
                    file, describe(claimedSeconds), describe(maxDuration.toMillis() / 1000.0)));
        }
        if (header.dataBytes() > MAX_DATA_BYTES) {
            throw new AudioException(String.format("%s holds %s of samples; the kiosk reads at most %s (10 minutes "
                    + "of 16 kHz mono, 3 minutes of 44.1 kHz stereo).", file, size(header.dataBytes()),
                    size(MAX_DATA_BYTES)));
        }
        return Math.min(header.dataBytes(), present);
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format("%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format("%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format("%.1f KB", bytes / 1024.0);
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

    /** At most {@code maxBytes} of samples, into an array of that size: no doubling buffers for a long file. */
    private static byte[] readAtMost(AudioInputStream stream, long maxBytes, Path file, Duration maxDuration)
            throws IOException {
        byte[] pcm = stream.readNBytes((int) Math.min(maxBytes, MAX_DATA_BYTES));
        byte[] probe = new byte[Math.max(1, stream.getFormat().getFrameSize())];
        if (pcm.length == maxBytes && stream.read(probe) > 0) {
            // a header that does not give the length (streamed recordings): the file itself is too long
            throw new AudioException(String.format("%s is longer than %s; the kiosk takes recordings of at most "
                    + "that.", file, describe(maxDuration.toMillis() / 1000.0)));
        }
        return pcm;
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
