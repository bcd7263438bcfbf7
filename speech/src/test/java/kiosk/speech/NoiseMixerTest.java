package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class NoiseMixerTest {

    @Test
    void mixesAtTheRequestedFrameEnergyRatioAndScalesToHalfFullScale() {
        short[] speech = new short[8192];
        short[] noise = new short[8192];
        Random random = new Random(1);
        for (int i = 0; i < speech.length; i++) {
            speech[i] = (short) (4000 * Math.sin(2 * Math.PI * 300 * i / 16000.0));
            noise[i] = (short) (random.nextGaussian() * 1000);
        }
        Audio mixed = NoiseMixer.mix(Audio.ofSamples(speech), Audio.ofSamples(noise), 6, new Random(2));
        short[] out = mixed.samples();
        double peak = 0;
        for (short s : out) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertEquals(16383, peak, 1);

        // The mix is a*speech + b*noise (same length, so the noise segment starts at 0): solve for a and b by least
        // squares, then check the SNR definition on the two scaled parts.
        double ss = 0;
        double nn = 0;
        double sn = 0;
        double so = 0;
        double no = 0;
        for (int i = 0; i < out.length; i++) {
            ss += (double) speech[i] * speech[i];
            nn += (double) noise[i] * noise[i];
            sn += (double) speech[i] * noise[i];
            so += (double) speech[i] * out[i];
            no += (double) noise[i] * out[i];
        }
        double determinant = ss * nn - sn * sn;
        double a = (so * nn - no * sn) / determinant;
        double b = (no * ss - so * sn) / determinant;
        double[] scaledSpeech = new double[out.length];
        double[] scaledNoise = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            scaledSpeech[i] = a * speech[i];
            scaledNoise[i] = b * noise[i];
        }
        double snr = 10 * Math.log10(NoiseMixer.maxFrameEnergy(scaledSpeech) / NoiseMixer.maxFrameEnergy(scaledNoise));
        assertEquals(6, snr, 0.05);
    }

    @Test
    void noiseShorterThanSpeechIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> NoiseMixer.mix(Audio.silence(1000), Audio.silence(500), 10, new Random(0)));
    }

    @Test
    void anyAudioCanBeBroughtToHalfFullScaleAsTheMixesAre() {
        short[] quiet = {0, 100, -1000, 250};
        short[] scaled = NoiseMixer.halfFullScale(Audio.ofSamples(quiet)).samples();
        double[] expected = {0, 1638.35, -16383.5, 4095.9};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], scaled[i], 1, "sample " + i);
        }
        short[] silent = NoiseMixer.halfFullScale(Audio.silence(100)).samples();
        for (short sample : silent) {
            assertEquals(0, sample);
        }
    }
}
