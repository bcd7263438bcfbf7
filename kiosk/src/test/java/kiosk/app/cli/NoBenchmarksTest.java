package kiosk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The kiosk jar's {@code bench}: the benchmarks are not in it, and any benchmark asked for gets one line saying so. */
class NoBenchmarksTest {

    @Test
    void everyBenchmarkAskedForGetsOneLineAndTheUsageCode() {
        for (List<String> asked : List.of(List.of("bench"), List.of("bench", "smoke"),
                List.of("bench", "answers", "--set", "bench/eval/demo-dev.yaml"),
                List.of("--state", "/tmp/nowhere", "bench", "latency", "--short"))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine line = KioskCommand.commandLine();
            line.setOut(new PrintWriter(out, true));
            line.setErr(new PrintWriter(err, true));
            assertEquals(2, line.execute(asked.toArray(String[]::new)), asked + ": " + err);
            assertEquals("kiosk: the benchmarks are not part of the installed package; run them from a source "
                    + "checkout with bin/kiosk bench\n", err.toString(), asked.toString());
            assertEquals("", out.toString(), asked.toString());
        }
    }

    @Test
    void theHelpSaysWhereTheBenchmarksAre() {
        StringWriter out = new StringWriter();
        CommandLine line = KioskCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        assertEquals(0, line.execute("--help"));
        assertTrue(out.toString().contains("bench       Benchmarks: from a source checkout only (bin/kiosk bench"),
                out.toString());
    }
}
