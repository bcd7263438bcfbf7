package kiosk.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import kiosk.app.KioskPaths;
import kiosk.app.run.TurnCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kioskctl report}: how many turns the kiosk took, by outcome (counts only, never what shoppers said). */
@Command(name = "report", description = "Turn counts by outcome since the counts began.")
final class CtlReportCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        Path file = KioskPaths.fromSystemProperties().state().resolve("report.json");
        Optional<TurnCounts.Report> report = TurnCounts.read(file);
        if (report.isEmpty()) {
            System.out.println(json ? "{\"turns\":0}" : "kioskctl: no turns counted yet (" + file + " does not exist)");
            return ExitCode.OK;
        }
        TurnCounts.Report counts = report.get();
        if (json) {
            System.out.println(CtlSocket.json(counts));
            return ExitCode.OK;
        }
        System.out.printf("turns since %s (last %s): %d%n", counts.since(), counts.updated(), counts.turns());
        System.out.printf("  %-28s %6d%n", "not heard", counts.notHeard());
        System.out.printf("  %-28s %6d%n", "staff called", counts.staffCalls());
        for (Map.Entry<String, Long> intent : counts.byIntent().entrySet()) {
            System.out.printf("  %-28s %6d%n", intent.getKey(), intent.getValue());
        }
        return ExitCode.OK;
    }
}
