package kiosk.speech;

import java.util.Optional;

import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/** Plays chunks through a Java Sound output device chosen by (part of) its name. */
public final class SpeakerSink implements AudioSink {

    private final SourceDataLine line;
    private boolean closed;

    private SpeakerSink(SourceDataLine line) {
        this.line = line;
    }

    /** Opens the named speaker, or the first that plays 16 kHz mono; {@link AudioException} when there is none. */
    public static SpeakerSink open(Optional<String> deviceName) {
        SourceDataLine line = SoundDevices.open(SourceDataLine.class, deviceName, "speaker");
        try {
            line.open(SoundDevices.javaFormat());
        } catch (LineUnavailableException e) {
            throw new AudioException("the speaker is busy or unavailable: " + e.getMessage() + ".", e);
        }
        line.start();
        return new SpeakerSink(line);
    }

    @Override
    public void write(AudioChunk chunk) {
        if (closed) {
            throw new IllegalStateException("the speaker is closed");
        }
        line.write(chunk.pcm(), 0, chunk.pcm().length);
    }

    /** Stops at once, dropping what has not been played (barge-in). */
    public void stopNow() {
        line.stop();
        line.flush();
        line.start();
    }

    /** Lets what was written finish playing, then releases the device. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            line.drain();
            line.close();
        }
    }
}
