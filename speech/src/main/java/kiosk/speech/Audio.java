package kiosk.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A whole clip of little-endian signed PCM, e.g. one utterance read from a file. */
public record Audio(AudioFormat format, byte[] pcm) {

    public Audio {
        if (pcm.length % format.bytesPerFrame() != 0) {
            throw new IllegalArgumentException(
                    "PCM length " + pcm.length + " is not a whole number of " + format.bytesPerFrame() + "-byte frames");
        }
    }

    /** A 16 kHz mono 16-bit clip from samples. */
    public static Audio ofSamples(short[] samples) {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(samples);
        return new Audio(AudioFormat.SPEECH, buffer.array());
    }

    /** Silence of the given length in {@link AudioFormat#SPEECH}. */
    public static Audio silence(long millis) {
        return ofSamples(new short[(int) (millis * AudioFormat.SPEECH.sampleRate() / 1000)]);
    }

    public long durationMillis() {
        return format.millisOf(pcm.length);
    }

    /** The 16-bit samples of a mono 16-bit clip. */
    public short[] samples() {
        if (format.bitsPerSample() != 16 || format.channels() != 1) {
            throw new IllegalStateException("samples() needs 16-bit mono audio, not " + format);
        }
        short[] samples = new short[pcm.length / 2];
        ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    /** Consecutive chunks of {@code millis} each (the last may be shorter), as a microphone would deliver them. */
    public List<AudioChunk> chunks(int millis) {
        int frameBytes = format.bytesPerFrame();
        int chunkBytes = Math.max(frameBytes, (int) ((long) format.bytesPerSecond() * millis / 1000) / frameBytes * frameBytes);
        List<AudioChunk> chunks = new ArrayList<>(pcm.length / chunkBytes + 1);
        for (int offset = 0; offset < pcm.length; offset += chunkBytes) {
            byte[] slice = Arrays.copyOfRange(pcm, offset, Math.min(pcm.length, offset + chunkBytes));
            chunks.add(new AudioChunk(format, slice, format.millisOf(offset)));
        }
        return chunks;
    }

    /** This clip followed by another of the same format. */
    public Audio append(Audio other) {
        if (!other.format.equals(format)) {
            throw new IllegalArgumentException("cannot append " + other.format + " to " + format);
        }
        byte[] joined = Arrays.copyOf(pcm, pcm.length + other.pcm.length);
        System.arraycopy(other.pcm, 0, joined, pcm.length, other.pcm.length);
        return new Audio(format, joined);
    }
}
