package kiosk.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code kiosk bench} of the kiosk jar: the benchmarks live in their own module (benchmarks/), which is not packaged,
 * so an installed kiosk answers with one line saying where they are instead of "unknown command". From a checkout,
 * bin/kiosk runs the benchmarks' jar, whose main puts the real {@code bench} command in this one's place.
 */
@Command(name = "bench", description = "Benchmarks: from a source checkout only (bin/kiosk bench …); "
        + "not part of the installed package.")
public final class NoBenchmarks implements Callable<Integer> {

    /** Whatever benchmark and options were asked for: each gets the same answer. */
    @Unmatched
    private List<String> asked = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("kiosk: the benchmarks are not part of the installed package; "
                + "run them from a source checkout with bin/kiosk bench");
        return ExitCode.USAGE;
    }
}
