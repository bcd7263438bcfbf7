package kiosk.speech;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread of its own for one decoder, owned by the recognizer that runs it: the owner hands it one step at a time
 * ({@link #start}), does its own work meanwhile, then waits for the step ({@link #await}). A step's exception is
 * rethrown by {@code await} in the owner's thread, as a {@link SpeechException} naming the decoder; a step that does
 * not end within {@link #STEP_LIMIT} is reported the same way instead of hanging the turn. {@link #close} stops and
 * joins the thread.
 *
 * <p>The steps are {@link Runnable}s the owner made once, so handing one over allocates nothing.
 */
final class DecoderThread implements AutoCloseable {

    /** Far more than a step takes even on a Raspberry Pi (~20 ms of decoding per 100 ms chunk here). */
    static final Duration STEP_LIMIT = Duration.ofSeconds(10);
    private static final Duration JOIN_LIMIT = Duration.ofSeconds(5);
    private static final AtomicInteger NUMBER = new AtomicInteger();

    private final String decoder;
    private final Thread thread;
    private final Object lock = new Object();
    private Runnable step;       // handed over, not yet taken
    private boolean busy;        // a step is handed over or running
    private Throwable failure;   // the last step's exception, until the owner has seen it
    private boolean broken;      // a step failed or overran: the decoder's state is unknown
    private boolean stopping;

    /** Starts the thread; {@code decoder} names it in messages ("grammar decoder"). */
    DecoderThread(String decoder) {
        this.decoder = decoder;
        this.thread = new Thread(this::run, "kiosk-" + decoder.replace(' ', '-') + "-" + NUMBER.incrementAndGet());
        thread.setDaemon(true); // close() joins it; a daemon only so a forgotten close cannot keep the JVM alive
        thread.start();
    }

    /** Hands over a step; the previous one must have been awaited. */
    void start(Runnable work) {
        synchronized (lock) {
            checkUsable();
            if (busy) {
                throw new IllegalStateException("the " + decoder + " is still busy with the last step");
            }
            step = work;
            busy = true;
            lock.notifyAll();
        }
    }

    /** Waits for the step handed over last; rethrows its failure. */
    void await() {
        long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
        synchronized (lock) {
            try {
                while (busy) {
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
            if (failure != null) {
                Throwable cause = failure;
                failure = null;
                throw new SpeechException("the " + decoder + " failed: " + cause, cause);
            }
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
        if (broken) {
            throw new SpeechException("the " + decoder + " failed earlier in this utterance");
        }
    }

    private void run() {
        while (true) {
            Runnable work;
            synchronized (lock) {
                while (step == null && !stopping) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return; // only close() interrupts, after asking politely
                    }
                }
                if (step == null) {
                    return;
                }
                work = step;
                step = null;
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
                }
                busy = false;
                lock.notifyAll();
            }
        }
    }

    /** Stops the thread once its current step is done and joins it; safe to call twice. */
    @Override
    public void close() {
        synchronized (lock) {
            stopping = true;
            step = null;
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
