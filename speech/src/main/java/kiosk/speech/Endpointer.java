package kiosk.speech;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides that an utterance has ended after enough trailing silence, how much by {@link EndOfSpeech} and what the
 * free decoder has heard so far. Silence is counted in whole chunks after the last loud one, judged against a noise
 * floor: the quietest chunk of the last {@value #FLOOR_WINDOW_CHUNKS} (minimum statistics), so an air conditioner
 * or a busy aisle stops counting as speech once it has lasted that long, while speech, which dips between words,
 * never lifts the floor to its own level. (A floor that followed every chunk's level crept up during speech, 5 % of
 * it a chunk, until the softer syllables of a long question counted as silence: harmless after 800 ms, but a shorter
 * silence ended questions mid-word.) The rest of a question that ended early is heard by a new endpointer that
 * starts from the floor this one had learned ({@link #noiseFloor}, {@link EndOfSpeech#continuing}): its first chunk
 * may already be words, which must not become the floor.
 *
 * <p>Public so that a benchmark can replay the live rule over recorded decoder text and compare end-of-speech
 * policies without decoding each clip once per policy.
 */
public final class Endpointer {

    private static final double MIN_SPEECH_RMS = 300;
    private static final double SPEECH_OVER_FLOOR = 3.0;
    /** Chunks the noise floor is the minimum of: 5 s of 100 ms chunks. */
    static final int FLOOR_WINDOW_CHUNKS = 50;

    private EndOfSpeech policy;
    private final double[] recent = new double[FLOOR_WINDOW_CHUNKS];
    private int seen;
    private boolean speechSeen;
    private long trailingSilenceMillis;
    /** The last text judged by the policy's {@link TurnCompleteness}, and its verdict: each text is judged once. */
    private String judged;
    private boolean judgedComplete;
    private boolean endedEarly;

    /** An endpointer whose noise floor starts from the policy's {@link EndOfSpeech#heardBefore} (none: its own). */
    public Endpointer(EndOfSpeech policy) {
        restart(policy);
    }

    /**
     * Forgets the last utterance: a reused recognizer judges the next one afresh, with this policy, its noise floor
     * starting from {@link EndOfSpeech#heardBefore} (the levels heard before, when this utterance goes on from one
     * that ended early; else nothing, and the floor is learned from this utterance's own chunks).
     */
    void restart(EndOfSpeech policy) {
        this.policy = policy;
        seen = 0;
        for (double rms : policy.heardBefore().recentRms()) {
            recent[seen++ % FLOOR_WINDOW_CHUNKS] = rms;
        }
        speechSeen = false;
        trailingSilenceMillis = 0;
        judged = null;
        judgedComplete = false;
        endedEarly = false;
    }

    /**
     * Returns true once speech has been followed by the silence the policy asks for after {@code heard} (the
     * decoder's text after this chunk); never while nothing has been heard, nor when endpointing is off.
     */
    public boolean accept(AudioChunk chunk, String heard) {
        if (policy.off()) {
            return false;
        }
        double rms = rms(chunk.pcm());
        recent[seen++ % FLOOR_WINDOW_CHUNKS] = rms;
        double noiseFloor = rms;
        for (int i = 0; i < Math.min(seen, FLOOR_WINDOW_CHUNKS); i++) {
            noiseFloor = Math.min(noiseFloor, recent[i]);
        }
        boolean speech = rms > Math.max(MIN_SPEECH_RMS, noiseFloor * SPEECH_OVER_FLOOR);
        if (speech) {
            speechSeen = true;
            trailingSilenceMillis = 0;
        } else if (speechSeen) {
            trailingSilenceMillis += chunk.durationMillis();
        }
        if (!speechSeen || heard.isBlank()) {
            return false;
        }
        Duration needed = policy.silenceAfter(heard);
        if (trailingSilenceMillis >= needed.toMillis()) {
            return true;
        }
        if (policy.semantic() && trailingSilenceMillis > 0
                && trailingSilenceMillis < policy.afterCompleteTurn().toMillis()
                && !EndOfSpeech.endsOpen(heard) && !heard.equals(judged)) {
            // the shopper has just fallen silent: a judge working aside starts on these words now, and its verdict
            // is made by the time the short silence has passed (never during speech: each pause costs one judgement)
            policy.completeness().expect(heard);
        }
        // the semantic end of turn: asked only once the short silence has passed (never during speech, so the
        // judge runs once or twice an utterance), and never after a word asking for more
        if (policy.semantic() && trailingSilenceMillis >= policy.afterCompleteTurn().toMillis()
                && !EndOfSpeech.endsOpen(heard) && complete(heard)) {
            endedEarly = true;
            return true;
        }
        return false;
    }

    /**
     * Whether the last endpoint was a complete turn's, after the short silence ({@link EndOfSpeech#afterCompleteTurn}):
     * the shopper may not be done after all, so the application listens on for a resumption.
     */
    public boolean endedEarly() {
        return endedEarly;
    }

    /**
     * The noise floor learned so far: the last chunks' levels, with those heard before this utterance when it went on
     * from an earlier one; what an utterance that goes on from this one starts from ({@link EndOfSpeech#continuing}).
     */
    public NoiseFloor noiseFloor() {
        int kept = Math.min(seen, FLOOR_WINDOW_CHUNKS);
        List<Double> levels = new ArrayList<>(kept);
        for (int i = seen - kept; i < seen; i++) {
            levels.add(recent[i % FLOOR_WINDOW_CHUNKS]);
        }
        return new NoiseFloor(levels);
    }

    /** Whether a chunk of this utterance has been loud enough to be speech. */
    public boolean speechHeard() {
        return speechSeen;
    }

    private boolean complete(String heard) {
        if (!heard.equals(judged)) {
            judged = heard;
            judgedComplete = policy.completeness().complete(heard);
        }
        return judgedComplete;
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
