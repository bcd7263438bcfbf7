package kiosk.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Exact nearest neighbours by dot product over unit vectors (cosine similarity). A flat scan of 100,000 × 384
 * floats takes a few milliseconds, which beats an approximate index's build time and error at store sizes.
 */
public final class VectorIndex {

    private final float[] flat;
    private final int dimension;
    private final int size;

    private VectorIndex(float[] flat, int dimension, int size) {
        this.flat = flat;
        this.dimension = dimension;
        this.size = size;
    }

    public static VectorIndex of(float[][] vectors) {
        int dimension = vectors.length == 0 ? 0 : vectors[0].length;
        float[] flat = new float[vectors.length * dimension];
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i].length != dimension) {
                throw new IllegalArgumentException("vector " + i + " has " + vectors[i].length + " dimensions, not "
                        + dimension);
            }
            System.arraycopy(vectors[i], 0, flat, i * dimension, dimension);
        }
        return new VectorIndex(flat, dimension, vectors.length);
    }

    public int size() {
        return size;
    }

    public float score(float[] query, int index) {
        float dot = 0;
        int offset = index * dimension;
        for (int d = 0; d < dimension; d++) {
            dot += query[d] * flat[offset + d];
        }
        return dot;
    }

    /** The {@code k} most similar vectors, best first. */
    public List<Hit> nearest(float[] query, int k) {
        if (size > 0 && query.length != dimension) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, the index " + dimension);
        }
        PriorityQueue<Hit> best = new PriorityQueue<>(Comparator.comparingDouble(Hit::score));
        for (int i = 0; i < size; i++) {
            float score = score(query, i);
            if (best.size() < k) {
                best.add(new Hit(i, score));
            } else if (score > best.peek().score()) {
                best.poll();
                best.add(new Hit(i, score));
            }
        }
        List<Hit> hits = new ArrayList<>(best);
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits;
    }

    /** A vector's position in the index and its similarity to the query. */
    public record Hit(int index, float score) {
    }
}
