package kiosk.speech;

import java.util.Optional;

/** Where audio comes from, chunk by chunk: a microphone or a file. */
public interface AudioSource extends AutoCloseable {

    /** The next chunk, waiting for it if needed; empty when the source has ended. */
    Optional<AudioChunk> read();

    @Override
    void close();
}
