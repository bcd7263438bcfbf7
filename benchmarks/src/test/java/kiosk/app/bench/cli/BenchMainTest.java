package kiosk.app.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import kiosk.app.cli.KioskCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** bin/kiosk bench … runs BenchMain: the kiosk's command line, every subcommand kept, with the real benchmarks. */
class BenchMainTest {

    @Test
    void benchIsTheRealOneAndTheKiosksOwnCommandsStay() {
        CommandLine line = BenchMain.commandLine();
        assertEquals(List.copyOf(KioskCommand.commandLine().getSubcommands().keySet()).stream().sorted().toList(),
                line.getSubcommands().keySet().stream().sorted().toList());
        CommandLine bench = line.getSubcommands().get("bench");
        assertTrue(bench.getCommand() instanceof BenchCommand, bench.getCommand().getClass().getName());
        assertEquals(List.of("answers", "spoken", "knowledge", "intents", "startup", "generate", "smoke", "latency",
                "soak", "endpoint", "catalog"), List.copyOf(bench.getSubcommands().keySet()));
    }

    @Test
    void aBenchmarksHelpNamesItUnderKioskBench() {
        StringWriter out = new StringWriter();
        CommandLine line = BenchMain.commandLine();
        line.setOut(new PrintWriter(out, true));
        assertEquals(0, line.execute("bench", "smoke", "--help"));
        assertTrue(out.toString().startsWith("Usage: kiosk bench smoke"), out.toString());
        assertTrue(out.toString().contains("--state=DIR"), "the kiosk's options are inherited: " + out);
    }
}
