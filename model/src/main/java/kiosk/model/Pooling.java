package kiosk.model;

/** Sentence vectors from token vectors: the mean over real tokens (attention mask 1), scaled to unit length. */
final class Pooling {

    private Pooling() {
    }

    static float[] meanPooledUnitVector(float[][] tokens, long[] attentionMask) {
        int hidden = tokens[0].length;
        float[] sum = new float[hidden];
        int count = 0;
        for (int t = 0; t < tokens.length && t < attentionMask.length; t++) {
            if (attentionMask[t] == 0) {
                continue;
            }
            count++;
            for (int h = 0; h < hidden; h++) {
                sum[h] += tokens[t][h];
            }
        }
        double norm = 0;
        for (int h = 0; h < hidden; h++) {
            sum[h] /= Math.max(1, count);
            norm += sum[h] * sum[h];
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int h = 0; h < hidden; h++) {
                sum[h] /= (float) norm;
            }
        }
        return sum;
    }
}
