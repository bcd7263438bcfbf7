package kiosk.speech;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The noise floor an {@link Endpointer} has learned: the levels (RMS) of the last chunks it heard, oldest first, at
 * most {@value Endpointer#FLOOR_WINDOW_CHUNKS} (minimum statistics: the floor is the quietest of them).
 *
 * <p>Handed from one utterance to the next when they are one shopper's speech: after an early end of turn the kiosk
 * listens on with a new recognizer, and that one must judge loudness against the noise heard before, not against its
 * own first chunks, which may already be the shopper's words (then nothing would be louder than the floor, and the
 * continuation would never be ended by silence, or its words would count as silence). The whole window is carried,
 * not only its minimum, so that the continuation's floor is the one an uninterrupted endpointer would have, and
 * forgets the earlier noise at the same pace.
 *
 * @param recentRms the last chunks' levels, oldest first; empty when nothing has been heard
 */
public record NoiseFloor(List<Double> recentRms) {

    /** Nothing heard yet: the floor is learned from the utterance's own chunks. */
    public static final NoiseFloor NONE = new NoiseFloor(List.of());

    public NoiseFloor {
        recentRms = List.copyOf(recentRms);
        if (recentRms.size() > Endpointer.FLOOR_WINDOW_CHUNKS) {
            throw new IllegalArgumentException("a noise floor rests on at most " + Endpointer.FLOOR_WINDOW_CHUNKS
                    + " chunks, not " + recentRms.size());
        }
        for (double rms : recentRms) {
            if (!(rms >= 0)) {
                throw new IllegalArgumentException("a chunk's level is zero or more, not " + rms);
            }
        }
    }

    /** The floor: the quietest chunk of the window; empty when nothing has been heard. */
    public OptionalDouble level() {
        return recentRms.stream().mapToDouble(Double::doubleValue).min();
    }

    /** How many chunks the floor rests on. */
    public int chunks() {
        return recentRms.size();
    }

    /** Whether nothing has been heard: no floor to start from. */
    public boolean isEmpty() {
        return recentRms.isEmpty();
    }
}
