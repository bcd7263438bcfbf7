package kiosk.model.generate;

import java.util.Arrays;
import java.util.Collection;
import java.util.Random;

/**
 * Picks the next token from logits: a repetition penalty on tokens already produced, then greedy (temperature 0) or
 * temperature with nucleus (top-p) sampling from a seeded random source. A pure function of its inputs.
 */
public record Sampling(double temperature, double topP, double repetitionPenalty) {

    public static final Sampling GREEDY = new Sampling(0, 1, 1);

    public Sampling {
        if (temperature < 0 || topP <= 0 || topP > 1 || repetitionPenalty < 1) {
            throw new IllegalArgumentException("temperature ≥ 0, 0 < top-p ≤ 1, repetition penalty ≥ 1; got "
                    + temperature + ", " + topP + ", " + repetitionPenalty);
        }
    }

    public int pick(float[] logits, Collection<Long> seen, Random random) {
        float[] scores = logits.clone();
        if (repetitionPenalty > 1) {
            for (long token : seen) {
                int t = (int) token;
                // the usual rule: divide a positive score, multiply a negative one
                scores[t] = scores[t] > 0 ? (float) (scores[t] / repetitionPenalty)
                        : (float) (scores[t] * repetitionPenalty);
            }
        }
        if (temperature == 0) {
            return argmax(scores);
        }
        double max = scores[argmax(scores)];
        double[] probabilities = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            probabilities[i] = Math.exp((scores[i] - max) / temperature);
            sum += probabilities[i];
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double total = sum;
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[b], probabilities[a]));
        double kept = 0;
        int nucleus = 0;
        while (nucleus < order.length && kept < topP * total) {
            kept += probabilities[order[nucleus]];
            nucleus++;
        }
        double draw = random.nextDouble() * kept;
        for (int i = 0; i < nucleus; i++) {
            draw -= probabilities[order[i]];
            if (draw <= 0) {
                return order[i];
            }
        }
        return order[nucleus - 1];
    }

    static int argmax(float[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }
}
