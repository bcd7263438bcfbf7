package kiosk.speech;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The few numbers of a WAV file's RIFF header that decide whether to read it at all: rate, bytes per second and the
 * size and place of the samples. Java Sound reads the samples; it takes a 0 Hz rate or a 4 GB size claim at face
 * value, so these are read first, by walking the chunks ({@code fmt }, {@code data}) without reading any sample.
 */
record RiffHeader(int sampleRate, long bytesPerSecond, long dataBytes, long dataOffset) {

    /** Chunks before {@code data} (LIST, fact, bext …) are skipped; a file with more than this many is not WAV. */
    private static final int MAX_CHUNKS = 64;

    /** The header, or empty when the file is not RIFF/WAVE (Java Sound then says what it is not). */
    static Optional<RiffHeader> read(Path file) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] start = new byte[12];
            if (in.read(start) != 12 || !tag(start, 0).equals("RIFF") || !tag(start, 8).equals("WAVE")) {
                return Optional.empty();
            }
            int sampleRate = -1;
            long bytesPerSecond = -1;
            byte[] chunk = new byte[8];
            for (int i = 0; i < MAX_CHUNKS && in.read(chunk) == 8; i++) {
                String id = tag(chunk, 0);
                long size = Integer.toUnsignedLong(ByteBuffer.wrap(chunk, 4, 4).order(ByteOrder.LITTLE_ENDIAN)
                        .getInt());
                if (id.equals("fmt ") && size >= 16) {
                    byte[] format = new byte[16];
                    if (in.read(format) != 16) {
                        return Optional.empty();
                    }
                    ByteBuffer fields = ByteBuffer.wrap(format).order(ByteOrder.LITTLE_ENDIAN);
                    int channels = Short.toUnsignedInt(fields.getShort(2));
                    sampleRate = fields.getInt(4);
                    int bits = Short.toUnsignedInt(fields.getShort(14));
                    bytesPerSecond = (long) Math.max(0, sampleRate) * channels * ((bits + 7) / 8);
                    in.seek(in.getFilePointer() + size - 16 + (size & 1));
                } else if (id.equals("data")) {
                    return sampleRate < 0 ? Optional.empty()
                            : Optional.of(new RiffHeader(sampleRate, bytesPerSecond, size, in.getFilePointer()));
                } else {
                    in.seek(in.getFilePointer() + size + (size & 1));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String tag(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }
}
