package kiosk.speech;

import java.util.OptionalLong;

/**
 * Where the speech in a clip ends, from the clip's own audio: the end of its last 10 ms frame loud enough to be
 * speech. A benchmark times what a shopper waits from there; it is judged on the whole clip, after the fact, and
 * independently of {@link Endpointer} (which must decide live, chunk by chunk, and is what is being measured).
 *
 * <p>A frame is speech when its RMS is within {@value #BELOW_LOUDEST_DB} dB of the clip's loudest frame (a final
 * "s" or "t" is some 20–30 dB below the vowels), above {@value #OVER_NOISE}× the clip's noise floor (its 10th
 * percentile frame, for a recording with hum or hiss) and above {@value #MIN_RMS} (−50 dBFS: digital near-silence
 * and dither are never speech).
 */
public final class SpeechEnd {

    static final int FRAME_MILLIS = 10;
    static final double BELOW_LOUDEST_DB = 35;
    static final double OVER_NOISE = 4;
    static final double MIN_RMS = 100;

    private SpeechEnd() {
    }

    /**
     * Milliseconds from the clip's start to the end of its speech, to a 10 ms frame (a last part-frame is left out);
     * empty when nothing in it is loud enough.
     */
    public static OptionalLong of(Audio audio) {
        short[] samples = audio.samples();
        int frame = AudioFormat.SPEECH.sampleRate() * FRAME_MILLIS / 1000;
        int frames = samples.length / frame;
        if (frames == 0) {
            return OptionalLong.empty();
        }
        double[] rms = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) {
                sum += (double) samples[i] * samples[i];
            }
            rms[f] = Math.sqrt(sum / frame);
        }
        double[] sorted = rms.clone();
        java.util.Arrays.sort(sorted);
        double loudest = sorted[frames - 1];
        double noiseFloor = sorted[frames / 10];
        double level = Math.max(MIN_RMS, Math.max(loudest * Math.pow(10, -BELOW_LOUDEST_DB / 20),
                noiseFloor * OVER_NOISE));
        for (int f = frames - 1; f >= 0; f--) {
            if (rms[f] >= level) {
                return OptionalLong.of((long) (f + 1) * FRAME_MILLIS);
            }
        }
        return OptionalLong.empty();
    }
}
