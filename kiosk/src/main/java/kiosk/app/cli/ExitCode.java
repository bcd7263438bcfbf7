package kiosk.app.cli;

/** The exit codes of {@code kioskctl}, for scripts and fleet tools; listed in {@code kioskctl --help}. */
final class ExitCode {

    static final int OK = 0;
    /** The check found problems, the reload was refused, the command failed. */
    static final int PROBLEMS = 1;
    /** The command line was wrong (picocli's own code). */
    static final int USAGE = 2;
    /** The kiosk is not running: nothing answers on its control socket. */
    static final int NOT_RUNNING = 3;
    /** A device the command needs (microphone, speaker, journal) is not there. */
    static final int NO_DEVICE = 4;

    private ExitCode() {
    }
}
