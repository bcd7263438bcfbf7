package kiosk.speech;

/** Where audio goes, chunk by chunk: a speaker or a file. */
public interface AudioSink extends AutoCloseable {

    void write(AudioChunk chunk);

    @Override
    void close();
}
