package kiosk.app.run;

import java.util.concurrent.Callable;

/**
 * The parts of a turn a worker runs. A failure in one is reported under its name ({@code kioskctl status}, last
 * errors) and the session recovers; which stage failed tells the technician where to look.
 */
public enum Stage {
    RECOGNITION("recognition"),
    UNDERSTANDING("understanding"),
    PACK("model pack"),
    SYNTHESIS("synthesis"),
    SINK("speaker");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Runs {@code work}; anything it throws comes out as {@link Failed} in this stage (unless already in one). */
    public <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (Failed failed) {
            throw failed;
        } catch (Exception e) {
            throw new Failed(this, e);
        }
    }

    /** As {@link #call}, for work with no result. */
    public void run(Work work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Work that may throw anything. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** What failed in which stage. */
    public static final class Failed extends RuntimeException {
        private final Stage stage;

        public Failed(Stage stage, Throwable cause) {
            super(stage.label + " failed", cause);
            this.stage = stage;
        }

        public Stage stage() {
            return stage;
        }
    }
}
