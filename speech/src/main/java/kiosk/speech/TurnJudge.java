package kiosk.speech;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.tinylog.Logger;

/**
 * The thread on which end-of-turn verdicts are worked ahead ({@link #aside}), so that the recognizing thread, which
 * must keep pace with the microphone, finds them made. One thread, as one shopper speaks at a time (a thread per
 * utterance would cost its start each time); whoever starts it closes it, which stops and joins it.
 */
public final class TurnJudge implements AutoCloseable {

    private static final long STOP_PATIENCE_SECONDS = 5;

    /** The threads the executor made (one, unless a task ever ended it): joined by {@link #close}. */
    private final List<Thread> made = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
        Thread judge = new Thread(work, "kiosk-turn-judge");
        judge.setDaemon(true); // a verdict half made is worth nothing once the process ends
        made.add(judge);
        return judge;
    });
    private boolean closed;

    private TurnJudge() {
    }

    public static TurnJudge start() {
        return new TurnJudge();
    }

    /**
     * {@code judge}, worked ahead on this thread: {@link TurnCompleteness#expect} starts judging the words there (the
     * latest words only: words already superseded when the thread gets to them are left), and
     * {@link TurnCompleteness#complete} returns the verdict, waiting for it when it is still being made, or judges on
     * the caller's thread words never expected (and every word once this is closed). The verdicts are
     * {@code judge}'s own; only the thread that computes them differs. One per utterance.
     */
    public TurnCompleteness aside(TurnCompleteness judge) {
        return new JudgeAside(judge, thread);
    }

    /** Stops the thread and joins it; a verdict being made is interrupted. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        thread.shutdownNow();
        try {
            // the executor counts as terminated a moment before its thread has returned: join the thread itself
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_PATIENCE_SECONDS);
            for (Thread judge : made) {
                TimeUnit.NANOSECONDS.timedJoin(judge, Math.max(1, deadline - System.nanoTime()));
                if (judge.isAlive()) {
                    Logger.warn("the end-of-turn judge did not stop within {} s", STOP_PATIENCE_SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
