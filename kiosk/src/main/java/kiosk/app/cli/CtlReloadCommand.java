package kiosk.app.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import kiosk.app.service.ControlSocket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kioskctl reload}: the running kiosk reads its configuration and store again, between turns. */
@Command(name = "reload", description = "Apply edited settings and store knowledge without a restart; a file with "
        + "mistakes is refused and the last good one keeps serving.")
final class CtlReloadCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> reply;
        try {
            reply = CtlSocket.ask("reload", Duration.ofMinutes(3));
        } catch (ControlSocket.NotRunningException e) {
            System.err.println("kioskctl: " + e.getMessage() + "; nothing to reload (kioskctl check tests the files)");
            return ExitCode.NOT_RUNNING;
        }
        boolean ok = Boolean.TRUE.equals(reply.get("ok"));
        if (json) {
            System.out.println(CtlSocket.json(reply));
        } else {
            (ok ? System.out : System.err).println("kioskctl: " + reply.get("message"));
        }
        return ok ? ExitCode.OK : ExitCode.PROBLEMS;
    }
}
