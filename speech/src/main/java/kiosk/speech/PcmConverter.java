package kiosk.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import javax.sound.sampled.AudioFormat.Encoding;

/**
 * Converts PCM of any common layout to {@link AudioFormat#SPEECH}: channels averaged to mono, samples scaled to
 * 16 bits, the rate changed by a windowed-sinc resampler (a plain linear interpolation would fold the 8–22 kHz band
 * of a 44.1 kHz recording back into the speech band).
 */
final class PcmConverter {

    private static final int SINC_HALF_WIDTH = 16;

    private PcmConverter() {
    }

    static Audio toSpeech(javax.sound.sampled.AudioFormat source, byte[] pcm, Path origin) {
        float[] mono = decodeToMono(source, pcm, origin);
        float[] resampled = resample(mono, Math.round(source.getSampleRate()), AudioFormat.SPEECH.sampleRate());
        return Audio.ofSamples(quantize(resampled));
    }

    static float[] decodeToMono(javax.sound.sampled.AudioFormat source, byte[] pcm, Path origin) {
        Encoding encoding = source.getEncoding();
        int bytesPerSample = source.getSampleSizeInBits() / 8;
        int channels = source.getChannels();
        boolean isFloat = Encoding.PCM_FLOAT.equals(encoding);
        boolean supported = (Encoding.PCM_SIGNED.equals(encoding) && bytesPerSample >= 1 && bytesPerSample <= 4)
                || (Encoding.PCM_UNSIGNED.equals(encoding) && bytesPerSample == 1)
                || (isFloat && (bytesPerSample == 4 || bytesPerSample == 8));
        if (!supported || channels < 1 || source.getSampleSizeInBits() % 8 != 0) {
            throw new AudioException(origin + " uses " + encoding + " " + source.getSampleSizeInBits()
                    + "-bit samples; expected PCM (8 to 32-bit integer or 32-bit float).");
        }
        ByteBuffer buffer = ByteBuffer.wrap(pcm).order(source.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int frames = pcm.length / (bytesPerSample * channels);
        float[] mono = new float[frames];
        for (int frame = 0; frame < frames; frame++) {
            float sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                sum += readSample(buffer, bytesPerSample, encoding, isFloat);
            }
            mono[frame] = sum / channels;
        }
        return mono;
    }

    /** One sample scaled to [-1, 1). */
    private static float readSample(ByteBuffer buffer, int bytes, Encoding encoding, boolean isFloat) {
        if (isFloat) {
            return bytes == 4 ? buffer.getFloat() : (float) buffer.getDouble();
        }
        if (bytes == 1) {
            int value = buffer.get();
            return Encoding.PCM_UNSIGNED.equals(encoding) ? ((value & 0xFF) - 128) / 128f : value / 128f;
        }
        long value = 0;
        if (buffer.order() == ByteOrder.LITTLE_ENDIAN) {
            for (int i = 0; i < bytes; i++) {
                value |= (long) (buffer.get() & 0xFF) << (8 * i);
            }
        } else {
            for (int i = 0; i < bytes; i++) {
                value = (value << 8) | (buffer.get() & 0xFF);
            }
        }
        int shift = 64 - 8 * bytes;
        long signed = (value << shift) >> shift;
        return (float) (signed / Math.pow(2, 8 * bytes - 1));
    }

    static float[] resample(float[] input, int fromRate, int toRate) {
        if (fromRate == toRate || input.length == 0) {
            return input;
        }
        double ratio = (double) toRate / fromRate;
        double cutoff = Math.min(1.0, ratio);
        int outLength = (int) Math.floor(input.length * ratio);
        float[] output = new float[outLength];
        double halfWidth = SINC_HALF_WIDTH / cutoff;
        for (int i = 0; i < outLength; i++) {
            double center = i / ratio;
            int first = (int) Math.ceil(center - halfWidth);
            int last = (int) Math.floor(center + halfWidth);
            double sum = 0;
            double weights = 0;
            for (int j = Math.max(0, first); j <= Math.min(input.length - 1, last); j++) {
                double x = (j - center) * cutoff;
                double window = 0.5 + 0.5 * Math.cos(Math.PI * (j - center) / halfWidth);
                double weight = sinc(x) * window;
                sum += input[j] * weight;
                weights += weight;
            }
            output[i] = weights == 0 ? 0 : (float) (sum / weights);
        }
        return output;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    static short[] quantize(float[] samples) {
        short[] out = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            float clipped = Math.max(-1f, Math.min(1f, samples[i]));
            out[i] = (short) Math.round(clipped * 32767);
        }
        return out;
    }
}
