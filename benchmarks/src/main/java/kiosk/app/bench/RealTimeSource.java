package kiosk.app.bench;

import java.util.Iterator;
import java.util.Optional;

import kiosk.speech.Audio;
import kiosk.speech.AudioChunk;
import kiosk.speech.AudioSource;
import kiosk.speech.Transcriber;

/**
 * A clip played as a microphone delivers it: each chunk becomes available when it has been "recorded", that is at
 * the stream's start plus the chunk's end, so the recognizer works at real-time pace and its latency is the one a
 * shopper feels. Counts the time spent waiting, so that the recognizer's own share (its real-time factor) is known.
 */
public final class RealTimeSource implements AudioSource {

    private final Iterator<AudioChunk> chunks;
    private long startNanos = -1;
    private long waitedNanos;

    public RealTimeSource(Audio audio) {
        this.chunks = audio.chunks(Transcriber.CHUNK_MILLIS).iterator();
    }

    @Override
    public Optional<AudioChunk> read() {
        if (startNanos < 0) {
            startNanos = System.nanoTime();
        }
        if (!chunks.hasNext()) {
            return Optional.empty();
        }
        AudioChunk chunk = chunks.next();
        long due = startNanos + (chunk.startMillis() + chunk.durationMillis()) * 1_000_000;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            long before = System.nanoTime();
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            waitedNanos += System.nanoTime() - before;
        }
        return Optional.of(chunk);
    }

    /** When the first chunk was asked for: the moment the clip "began" ({@link System#nanoTime()}). */
    public long startNanos() {
        return startNanos;
    }

    /** Time spent waiting for audio to be "recorded". */
    public long waitedNanos() {
        return waitedNanos;
    }

    @Override
    public void close() {
    }
}
