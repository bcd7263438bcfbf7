package kiosk.speech;

/**
 * Brings a reply to a target loudness: the RMS level of the clip, in dBFS, set to the target by one gain, with a
 * peak limit. Synthetic speech peaks about 18 dB above its RMS, so a loud target would clip: samples above a knee
 * 6 dB under the limit are bent smoothly toward the limit (a soft limiter), and when the peaks would pass the limit
 * by more than {@link #MAX_LIMITING_DB}, the gain is lowered instead and the clip stays a little quieter than asked.
 * A kiosk in a noisy store wants its replies louder, a quiet one softer, and every reply equally loud.
 */
public record LoudnessNormalizer(double targetRmsDbfs, double peakLimitDbfs) {

    /** Samples are never driven closer to full scale than this. */
    public static final double PEAK_LIMIT_DBFS = -1.0;
    /** The gain is bounded so that near-silence (a reply of only pauses) is not blown up to noise. */
    static final double MAX_GAIN_DB = 30.0;
    /** How far over the limit the soft limiter bends peaks; beyond that the gain gives way. */
    static final double MAX_LIMITING_DB = 9.0;
    private static final double KNEE_DB = 6.0;

    public LoudnessNormalizer {
        if (!(targetRmsDbfs < 0 && peakLimitDbfs <= 0 && targetRmsDbfs < peakLimitDbfs)) {
            throw new IllegalArgumentException("a loudness target must be below 0 dBFS and below the peak limit: "
                    + targetRmsDbfs + " / " + peakLimitDbfs);
        }
    }

    public static LoudnessNormalizer to(double targetRmsDbfs) {
        return new LoudnessNormalizer(targetRmsDbfs, PEAK_LIMIT_DBFS);
    }

    /** The clip at the target RMS level (or as near as the peak limit allows); silence stays silence. */
    public Audio normalize(Audio audio) {
        SoundLevel level = SoundLevel.of(audio);
        if (level.rmsDbfs() <= SoundLevel.SILENCE_DBFS) {
            return audio;
        }
        double gainDb = Math.min(MAX_GAIN_DB, targetRmsDbfs - level.rmsDbfs());
        gainDb = Math.min(gainDb, peakLimitDbfs + MAX_LIMITING_DB - level.peakDbfs());
        double gain = Math.pow(10, gainDb / 20);
        double limit = 32768 * Math.pow(10, peakLimitDbfs / 20);
        double knee = limit * Math.pow(10, -KNEE_DB / 20);
        short[] samples = audio.samples();
        for (int i = 0; i < samples.length; i++) {
            double x = samples[i] * gain;
            double magnitude = Math.abs(x);
            if (magnitude > knee) { // tanh bends everything above the knee to below the limit, continuously
                magnitude = knee + (limit - knee) * Math.tanh((magnitude - knee) / (limit - knee));
            }
            samples[i] = (short) Math.round(Math.copySign(magnitude, x));
        }
        return Audio.ofSamples(samples);
    }
}
