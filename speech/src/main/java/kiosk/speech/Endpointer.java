package kiosk.speech;

import java.time.Duration;

/**
 * Decides that an utterance has ended after enough trailing silence. Silence is judged against an adaptive noise
 * floor, so an air conditioner or a busy aisle does not count as speech forever.
 */
final class Endpointer {

    private static final double MIN_SPEECH_RMS = 300;
    private static final double SPEECH_OVER_FLOOR = 3.0;

    private long silenceMillis;
    private double noiseFloor;
    private boolean speechSeen;
    private long trailingSilenceMillis;

    Endpointer(Duration silence) {
        restart(silence);
    }

    /** Forgets the last utterance: a reused recognizer judges the next one afresh, with this silence. */
    void restart(Duration silence) {
        silenceMillis = silence.toMillis();
        noiseFloor = -1;
        speechSeen = false;
        trailingSilenceMillis = 0;
    }

    /** Returns true once speech has been followed by the configured silence; never when endpointing is off. */
    boolean accept(AudioChunk chunk) {
        if (silenceMillis == 0) {
            return false;
        }
        double rms = rms(chunk.pcm());
        noiseFloor = noiseFloor < 0 ? rms : Math.min(rms, noiseFloor * 0.95 + rms * 0.05);
        boolean speech = rms > Math.max(MIN_SPEECH_RMS, noiseFloor * SPEECH_OVER_FLOOR);
        if (speech) {
            speechSeen = true;
            trailingSilenceMillis = 0;
        } else if (speechSeen) {
            trailingSilenceMillis += chunk.durationMillis();
        }
        return speechSeen && trailingSilenceMillis >= silenceMillis;
    }

    static double rms(byte[] pcm) {
        long sum = 0;
        int samples = pcm.length / 2;
        for (int i = 0; i < samples; i++) {
            int sample = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
            sum += (long) sample * sample;
        }
        return samples == 0 ? 0 : Math.sqrt(sum / (double) samples);
    }
}
