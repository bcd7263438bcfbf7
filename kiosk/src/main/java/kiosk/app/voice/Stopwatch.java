package kiosk.app.voice;

/** Milliseconds between laps, for the per-stage timings every turn reports. */
public final class Stopwatch {

    private long lastNanos;

    private Stopwatch(long startNanos) {
        this.lastNanos = startNanos;
    }

    public static Stopwatch start() {
        return new Stopwatch(System.nanoTime());
    }

    /** Milliseconds since the previous lap (or the start), rounded to 0.1 ms. */
    public double lap() {
        long now = System.nanoTime();
        double millis = Math.round((now - lastNanos) / 100_000.0) / 10.0;
        lastNanos = now;
        return millis;
    }

    /** Milliseconds between two {@link System#nanoTime()} readings, rounded to 0.1 ms. */
    public static double millisBetween(long startNanos, long endNanos) {
        return Math.round((endNanos - startNanos) / 100_000.0) / 10.0;
    }
}
