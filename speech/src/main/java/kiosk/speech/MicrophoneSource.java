package kiosk.speech;

import java.util.Optional;

import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/** Records 100 ms chunks of {@link AudioFormat#SPEECH} from a Java Sound input device chosen by name. */
public final class MicrophoneSource implements AudioSource {

    private final TargetDataLine line;
    private final byte[] buffer;
    private long startMillis;
    private boolean closed;

    private MicrophoneSource(TargetDataLine line) {
        this.line = line;
        this.buffer = new byte[AudioFormat.SPEECH.bytesPerSecond() * Transcriber.CHUNK_MILLIS / 1000];
    }

    /** Opens the named microphone, or the first that records 16 kHz mono; {@link AudioException} when none. */
    public static MicrophoneSource open(Optional<String> deviceName) {
        TargetDataLine line = SoundDevices.open(TargetDataLine.class, deviceName, "microphone");
        try {
            line.open(SoundDevices.javaFormat());
        } catch (LineUnavailableException e) {
            throw new AudioException("the microphone is busy or unavailable: " + e.getMessage() + ".", e);
        }
        line.start();
        return new MicrophoneSource(line);
    }

    /** Blocks for the next chunk; empty when the device went away or was closed. */
    @Override
    public Optional<AudioChunk> read() {
        if (closed || !line.isOpen()) {
            return Optional.empty();
        }
        int n = line.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return Optional.empty();
        }
        AudioChunk chunk = new AudioChunk(AudioFormat.SPEECH, java.util.Arrays.copyOf(buffer, n), startMillis);
        startMillis += chunk.durationMillis();
        return Optional.of(chunk);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            line.stop();
            line.close();
        }
    }
}
