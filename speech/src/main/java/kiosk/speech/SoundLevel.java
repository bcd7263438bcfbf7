package kiosk.speech;

/**
 * How loud a recording is, in dB relative to full scale: the peak and the RMS. A technician reads it in
 * {@code kioskctl test-audio}: speech at arm's length should peak around -20 to -6 dBFS; near -90 is a dead microphone
 * and 0 is clipping.
 */
public record SoundLevel(double peakDbfs, double rmsDbfs) {

    /** Digital silence, which has no finite level. */
    public static final double SILENCE_DBFS = -96.0;

    public static SoundLevel of(Audio audio) {
        short[] samples = audio.samples();
        if (samples.length == 0) {
            return new SoundLevel(SILENCE_DBFS, SILENCE_DBFS);
        }
        int peak = 0;
        double sumOfSquares = 0;
        for (short sample : samples) {
            peak = Math.max(peak, Math.abs((int) sample));
            sumOfSquares += (double) sample * sample;
        }
        double rms = Math.sqrt(sumOfSquares / samples.length);
        return new SoundLevel(dbfs(peak), dbfs(rms));
    }

    public boolean clipping() {
        return peakDbfs > -0.1;
    }

    private static double dbfs(double amplitude) {
        return amplitude <= 0 ? SILENCE_DBFS : Math.max(SILENCE_DBFS, 20 * Math.log10(amplitude / 32768.0));
    }
}
