package kiosk.app.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of latencies, the way every benchmark here reports them. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The {@code p}-th percentile (0..100) of the values, nearest rank; 0 for no values. */
    public static double of(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
