package kiosk.app.run;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.tinylog.Logger;

/**
 * Owns the threads that do a turn's work: listening, understanding and speaking. It starts each on a thread of its
 * own tagged with the turn's id, cancels them (a barge-in stops the reply's audio at once), turns anything a worker
 * throws into a {@link KioskEvent.WorkerFailed} for the loop, knows when one is overdue (for the watchdog), and joins
 * them all when the kiosk stops.
 */
final class TurnWorkers implements AutoCloseable {

    /** What a worker does for its turn; may throw anything. */
    @FunctionalInterface
    interface Body {
        void run(Work work) throws Exception;
    }

    /** The three kinds of work, with the stage a failure is put down to unless the work says which. */
    enum Role {
        LISTENING(Stage.RECOGNITION), UNDERSTANDING(Stage.UNDERSTANDING), SPEAKING(Stage.SYNTHESIS);

        private final Stage stage;

        Role(Stage stage) {
            this.stage = stage;
        }
    }

    private static final Duration JOIN = Duration.ofSeconds(5);

    private final Consumer<KioskEvent> events;
    private final Set<Work> running = ConcurrentHashMap.newKeySet();
    private long turns;

    TurnWorkers(Consumer<KioskEvent> events) {
        this.events = events;
    }

    /** A new turn id; from now on events of earlier turns are stale. Loop thread only. */
    long nextTurn() {
        return ++turns;
    }

    long currentTurn() {
        return turns;
    }

    /** Starts {@code body} for {@code turn}; past {@code allowance} it counts as overdue. */
    Work start(long turn, Role role, Duration allowance, Body body) {
        Work work = new Work(turn, role, System.nanoTime() + allowance.toNanos());
        Thread thread = new Thread(() -> {
            try {
                body.run(work);
            } catch (Stage.Failed failed) {
                events.accept(new KioskEvent.WorkerFailed(turn, failed.stage(), failed.getCause()));
            } catch (Throwable e) { // any exception or error: reported, never a silent end of the thread
                events.accept(new KioskEvent.WorkerFailed(turn, role.stage, e));
            } finally {
                running.remove(work);
            }
        }, "kiosk-" + role.name().toLowerCase() + "-" + turn);
        thread.setDaemon(true);
        work.thread = thread;
        running.add(work);
        thread.start();
        return work;
    }

    /** Cancels every running work of {@code role} (speaking: the audio stops at once). */
    void cancel(Role role) {
        running.stream().filter(work -> work.role == role).forEach(Work::cancel);
    }

    /** A running work past its allowance, described, if any: the kiosk is stuck in it. */
    Optional<String> overdue() {
        long now = System.nanoTime();
        return running.stream().filter(work -> now > work.deadlineNanos).findFirst()
                .map(work -> work.role.name().toLowerCase() + " of turn " + work.turn + " is overdue by "
                        + Duration.ofNanos(now - work.deadlineNanos).toMillis() + " ms");
    }

    int runningCount() {
        return running.size();
    }

    /** Cancels all work and waits for the threads to end (a few seconds at most each). */
    @Override
    public void close() {
        List<Work> all = List.copyOf(running);
        all.forEach(Work::cancel);
        for (Work work : all) {
            try {
                work.thread.join(JOIN.toMillis());
                if (work.thread.isAlive()) {
                    Logger.warn("{} did not stop within {} s", work.thread.getName(), JOIN.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One running piece of a turn's work, as its body and the loop see it. */
    static final class Work {
        private final long turn;
        private final Role role;
        private final long deadlineNanos;
        private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
        private volatile boolean cancelled;
        private volatile boolean finishRequested;
        private Thread thread;

        private Work(long turn, Role role, long deadlineNanos) {
            this.turn = turn;
            this.role = role;
            this.deadlineNanos = deadlineNanos;
        }

        long turn() {
            return turn;
        }

        boolean cancelled() {
            return cancelled;
        }

        /** Listening: end the utterance now (the button released), or cancelled. */
        boolean finishRequested() {
            return finishRequested || cancelled;
        }

        void finish() {
            finishRequested = true;
        }

        /** Runs {@code action} when the work is cancelled (at once if it already is). */
        void onCancel(Runnable action) {
            onCancel.add(action);
            if (cancelled) {
                action.run();
            }
        }

        void cancel() {
            if (!cancelled) {
                cancelled = true;
                for (Runnable action : onCancel) {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        Logger.warn("stopping the {} of turn {}: {}", role.name().toLowerCase(), turn, e.toString());
                    }
                }
            }
        }
    }
}
