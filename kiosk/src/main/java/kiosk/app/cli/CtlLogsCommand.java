package kiosk.app.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kioskctl logs}: the kiosk unit's journal, through journalctl. */
@Command(name = "logs", description = "Show the kiosk's journal (journalctl -u kiosk.service).")
final class CtlLogsCommand implements Callable<Integer> {

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "100", description = "Last N lines.")
    private int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines.")
    private boolean follow;

    @Option(names = {"-p", "--priority"}, paramLabel = "LEVEL", description = "Only this priority and worse "
            + "(err, warning, info, debug).")
    private String priority;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("journalctl", "--unit", "kiosk.service", "--no-pager",
                "--lines", Integer.toString(lines)));
        if (follow) {
            command.add("--follow");
        }
        if (priority != null) {
            command.addAll(List.of("--priority", priority));
        }
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            System.err.println("kioskctl: journalctl is not available on this machine (" + e.getMessage()
                    + "); the kiosk logs to standard output when it does not run under systemd");
            return ExitCode.NO_DEVICE;
        }
    }
}
