package kiosk.speech;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

/** A WAV file played as if it were a microphone: 100 ms chunks of {@link AudioFormat#SPEECH}. */
public final class WavFileSource implements AudioSource {

    private final Iterator<AudioChunk> chunks;

    public WavFileSource(Path file) {
        this.chunks = WavFile.read(file).chunks(Transcriber.CHUNK_MILLIS).iterator();
    }

    @Override
    public Optional<AudioChunk> read() {
        return chunks.hasNext() ? Optional.of(chunks.next()) : Optional.empty();
    }

    @Override
    public void close() {
    }
}
