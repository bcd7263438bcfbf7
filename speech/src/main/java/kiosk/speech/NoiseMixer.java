package kiosk.speech;

import java.util.Random;

/**
 * Mixes background noise into speech at a chosen signal-to-noise ratio, the way the Picovoice speech-to-intent
 * benchmark does: the SNR compares the largest 2048-sample frame energy of the speech with that of a random noise
 * segment as long as the utterance, and the mix is scaled so that its peak is half of full scale.
 */
public final class NoiseMixer {

    static final int FRAME = 2048;

    private NoiseMixer() {
    }

    public static Audio mix(Audio speech, Audio noise, double snrDb, Random random) {
        short[] s = speech.samples();
        short[] n = noise.samples();
        if (n.length < s.length) {
            throw new IllegalArgumentException("the noise (" + n.length + " samples) is shorter than the speech ("
                    + s.length + " samples)");
        }
        int offset = n.length == s.length ? 0 : random.nextInt(n.length - s.length);
        double[] speechSignal = new double[s.length];
        double[] noiseSignal = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            speechSignal[i] = s[i];
            noiseSignal[i] = n[offset + i];
        }
        double speechEnergy = maxFrameEnergy(speechSignal);
        double noiseEnergy = maxFrameEnergy(noiseSignal);
        double gain = noiseEnergy == 0 ? 0 : Math.sqrt(speechEnergy / (noiseEnergy * Math.pow(10, snrDb / 10)));
        double[] mixed = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            mixed[i] = speechSignal[i] + gain * noiseSignal[i];
        }
        return halfFullScale(mixed);
    }

    /** The audio scaled so that its peak is half of full scale, as the benchmark's mixes are (the noise alone, say). */
    public static Audio halfFullScale(Audio audio) {
        short[] samples = audio.samples();
        double[] signal = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            signal[i] = samples[i];
        }
        return halfFullScale(signal);
    }

    private static Audio halfFullScale(double[] signal) {
        double peak = 0;
        for (double sample : signal) {
            peak = Math.max(peak, Math.abs(sample));
        }
        double scale = peak == 0 ? 0 : 0.5 * 32767 / peak;
        short[] out = new short[signal.length];
        for (int i = 0; i < signal.length; i++) {
            out[i] = (short) Math.round(signal[i] * scale);
        }
        return Audio.ofSamples(out);
    }

    /** The largest energy (sum of squares) over consecutive frames of {@value #FRAME} samples. */
    static double maxFrameEnergy(double[] signal) {
        double max = 0;
        for (int start = 0; start < signal.length; start += FRAME) {
            double energy = 0;
            for (int i = start; i < Math.min(signal.length, start + FRAME); i++) {
                energy += signal[i] * signal[i];
            }
            max = Math.max(max, energy);
        }
        return max;
    }
}
