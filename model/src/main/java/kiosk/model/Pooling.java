package kiosk.model;

/**
 * How a sentence vector is made from the encoder's token vectors, scaled to unit length so that a dot product is a
 * cosine. Which one is right is a property of the model: it was trained to put the sentence's meaning there.
 */
public enum Pooling {
    /** The mean over real tokens (attention mask 1): sentence-transformers models (MiniLM, e5). */
    MEAN,
    /** The first token's vector ([CLS]): bge models. */
    CLS;

    float[] unitVector(float[][] tokens, long[] attentionMask) {
        return this == CLS ? clsUnitVector(tokens) : meanPooledUnitVector(tokens, attentionMask);
    }

    static float[] clsUnitVector(float[][] tokens) {
        return unit(tokens[0].clone());
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
        for (int h = 0; h < hidden; h++) {
            sum[h] /= Math.max(1, count);
        }
        return unit(sum);
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int h = 0; h < vector.length; h++) {
                vector[h] /= (float) norm;
            }
        }
        return vector;
    }
}
