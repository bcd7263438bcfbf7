package kiosk.app.bench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiosk bench …}: benchmarks that print a Markdown table and can write JSON. */
@Command(name = "bench", description = "Benchmarks: accuracy, latency, memory (Markdown table, optional JSON).",
        subcommands = {BenchAnswersCommand.class, BenchSpokenCommand.class, BenchKnowledgeCommand.class,
                BenchIntentsCommand.class, BenchStartupCommand.class, BenchGenerateCommand.class,
                BenchSmokeCommand.class, BenchLatencyCommand.class, BenchSoakCommand.class,
                BenchEndpointCommand.class, BenchCatalogCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
