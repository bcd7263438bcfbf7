package kiosk.app.cli;

import org.tinylog.Logger;
import picocli.CommandLine;

/**
 * Turns an exception escaping a subcommand into one sentence on standard error and exit code 1.
 *
 * <p>Our libraries throw unchecked exceptions whose message is already a complete sentence naming what and where;
 * the stack trace goes to the log (debug level), never to a technician's terminal alone.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    private final String program;

    UserErrorHandler(String program) {
        this.program = program;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine line, CommandLine.ParseResult parsed) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        line.getErr().println(program + ": " + message);
        Logger.debug(ex, "command failed");
        return 1;
    }
}
