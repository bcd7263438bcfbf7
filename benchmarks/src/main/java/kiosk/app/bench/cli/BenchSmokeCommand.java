package kiosk.app.bench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk bench smoke}: every benchmark in a short mode, for CI. It checks that they run and print their
 * tables; it judges no figure, since a shared CI machine's timings mean little.
 */
@Command(name = "smoke", description = "Run every benchmark briefly (CI): checks they run, judges no figure.")
public final class BenchSmokeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<String[]> runs = new java.util.ArrayList<>(List.of(
                new String[] {"answers", "--limit", "15"},
                new String[] {"spoken", "--limit", "3"},
                new String[] {"knowledge", "--rows", "5000", "--queries", "30"},
                new String[] {"startup"},
                new String[] {"latency", "--short"}));
        Path shared = Path.of("../shared/data/speech-to-intent");
        if (Files.isDirectory(shared.resolve("clean"))) {
            runs.add(new String[] {"intents", "--limit", "5", "--noise", shared.resolve("noise/kitchen.wav").toString(),
                    "--snr", "12"});
            runs.add(new String[] {"generate", "--tokens", "16", "--runs", "2"});
        } else {
            spec.commandLine().getOut().println("(no shared recordings at " + shared + ": bench intents skipped)");
        }
        CommandLine bench = spec.parent().commandLine();
        int failures = 0;
        for (String[] run : runs) {
            spec.commandLine().getOut().println("== kiosk bench " + String.join(" ", run));
            spec.commandLine().getOut().flush();
            int code = bench.execute(run);
            if (code != 0) {
                failures++;
                spec.commandLine().getErr().println("kiosk: bench " + run[0] + " failed with exit code " + code);
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
