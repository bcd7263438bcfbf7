package kiosk.speech;

/**
 * The shape of PCM audio: sample rate, bits per sample (signed little-endian integers) and channels.
 *
 * <p>Everything inside the kiosk is {@link #SPEECH}; files and devices are converted at the boundary.
 */
public record AudioFormat(int sampleRate, int bitsPerSample, int channels) {

    /** 16 kHz, 16-bit, mono: what Vosk and the kevin16 voice use. */
    public static final AudioFormat SPEECH = new AudioFormat(16000, 16, 1);

    public AudioFormat {
        if (sampleRate <= 0 || bitsPerSample <= 0 || bitsPerSample % 8 != 0 || channels <= 0) {
            throw new IllegalArgumentException("not a PCM format: " + sampleRate + " Hz, " + bitsPerSample
                    + " bits, " + channels + " channels");
        }
    }

    public int bytesPerFrame() {
        return bitsPerSample / 8 * channels;
    }

    public int bytesPerSecond() {
        return sampleRate * bytesPerFrame();
    }

    public long millisOf(long bytes) {
        return bytes * 1000 / bytesPerSecond();
    }
}
