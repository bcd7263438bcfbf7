package kiosk.speech;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread of its own for one decoder, owned by the recognizer that runs it: the owner hands it steps in order
 * ({@link #start}) and goes on with its own work without waiting for them; the steps are run one after the other,
 * in the order handed over, and the owner waits for all of them when it needs their outcome ({@link #await}). So a
 * decoder whose result is needed only at the end of an utterance decodes each chunk while the owner is already
 * waiting for the next one, instead of holding up every chunk. At most {@link #MAX_BEHIND} steps wait at a time:
 * a decoder slower than the audio holds its owner back rather than falling ever further behind.
 *
 * <p>A step's exception is rethrown in the owner's thread, as a {@link SpeechException} naming the decoder, by the
 * next {@link #start} or {@link #await}; the steps still waiting are dropped, as the decoder's state is unknown. A
 * step that does not end within {@link #STEP_LIMIT} is reported the same way instead of hanging the turn.
 * {@link #close} stops and joins the thread.
 */
final class DecoderThread implements AutoCloseable {

    /** Far more than a step takes even on a Raspberry Pi (~20 ms of decoding per 100 ms chunk here). */
    static final Duration STEP_LIMIT = Duration.ofSeconds(10);
    /**
     * Steps handed over and not begun, at most: three 100 ms chunks. A decoder that keeps pace (the grammar decoder
     * takes a few milliseconds a chunk here) is never more than one behind; one that cannot keep pace makes its owner
     * wait for room, as if each step were awaited, so its lag (which the final result waits for) stays bounded.
     */
    static final int MAX_BEHIND = 3;
    private static final Duration JOIN_LIMIT = Duration.ofSeconds(5);
    private static final AtomicInteger NUMBER = new AtomicInteger();

    private final String decoder;
    private final Thread thread;
    private final Object lock = new Object();
    private final ArrayDeque<Runnable> steps = new ArrayDeque<>(MAX_BEHIND); // handed over, not yet begun
    private boolean running;     // a step is being run
    private Throwable failure;   // a step's exception, until the owner has been told
    private boolean broken;      // a step failed or overran: the decoder's state is unknown
    private boolean stopping;

    /** Starts the thread; {@code decoder} names it in messages ("grammar decoder"). */
    DecoderThread(String decoder) {
        this.decoder = decoder;
        this.thread = new Thread(this::run, "kiosk-" + decoder.replace(' ', '-') + "-" + NUMBER.incrementAndGet());
        thread.setDaemon(true); // close() joins it; a daemon only so a forgotten close cannot keep the JVM alive
        thread.start();
    }

    /**
     * Hands over a step, to be run after those handed over before; returns without waiting for it, unless
     * {@link #MAX_BEHIND} steps are already waiting (then it waits for room). Throws an earlier step's failure.
     */
    void start(Runnable work) {
        long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
        synchronized (lock) {
            checkUsable();
            waitUntil(false, deadline);
            checkUsable();
            steps.addLast(work);
            lock.notifyAll();
        }
    }

    /** Waits for every step handed over; rethrows a failure of any of them. */
    void await() {
        long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
        synchronized (lock) {
            waitUntil(true, deadline);
            throwFailure();
        }
    }

    /**
     * Waits, holding the lock, until every step is done ({@code allDone}) or there is room for one more, or a step
     * failed; one overrunning the deadline breaks the thread.
     */
    private void waitUntil(boolean allDone, long deadline) {
        try {
            while (failure == null && (allDone ? running || !steps.isEmpty() : steps.size() >= MAX_BEHIND)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    broken = true;
                    throw new SpeechException("the " + decoder + " did not finish a step within "
                            + STEP_LIMIT.toSeconds() + " s");
                }
                lock.wait(left / 1_000_000 + 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broken = true;
            throw new SpeechException("recognition was interrupted while the " + decoder + " was decoding", e);
        }
    }

    /** A step's failure not yet reported, thrown once with its cause (called holding the lock). */
    private void throwFailure() {
        if (failure != null) {
            Throwable cause = failure;
            failure = null;
            throw new SpeechException("the " + decoder + " failed: " + cause, cause);
        }
    }

    /** False once a step failed or overran: the decoder it drives must not be reused. */
    boolean healthy() {
        synchronized (lock) {
            return !broken && !stopping;
        }
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    private void checkUsable() {
        if (stopping) {
            throw new IllegalStateException("the " + decoder + " thread is stopped");
        }
        throwFailure();
        if (broken) {
            throw new SpeechException("the " + decoder + " failed earlier in this utterance");
        }
    }

    private void run() {
        while (true) {
            Runnable work;
            synchronized (lock) {
                while (steps.isEmpty() && !stopping) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return; // only close() interrupts, after asking politely
                    }
                }
                if (stopping) {
                    return;
                }
                work = steps.pollFirst();
                running = true;
                lock.notifyAll(); // room for another step
            }
            Throwable thrown = null;
            try {
                work.run();
            } catch (RuntimeException | Error e) { // every failure reaches the owner, none ends the thread silently
                thrown = e;
            }
            synchronized (lock) {
                if (thrown != null) {
                    failure = thrown;
                    broken = true;
                    steps.clear(); // the decoder's state is unknown: the steps after it would decode nonsense
                }
                running = false;
                lock.notifyAll();
            }
        }
    }

    /** Stops the thread once its current step is done (those waiting are dropped) and joins it; safe to call twice. */
    @Override
    public void close() {
        synchronized (lock) {
            stopping = true;
            steps.clear();
            lock.notifyAll();
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + JOIN_LIMIT.toNanos();
        while (thread.isAlive() && System.nanoTime() < deadline) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true; // join anyway: the owner must not free a decoder its thread still uses
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new SpeechException("the " + decoder + " thread did not stop within " + JOIN_LIMIT.toSeconds()
                    + " s; its decoder is left allocated");
        }
    }
}
