package kiosk.speech;

/** A slice of a stream of audio, {@code startMillis} after the stream began. */
public record AudioChunk(AudioFormat format, byte[] pcm, long startMillis) {

    public long durationMillis() {
        return format.millisOf(pcm.length);
    }
}
