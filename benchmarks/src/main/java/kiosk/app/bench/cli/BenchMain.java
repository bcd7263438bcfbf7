package kiosk.app.bench.cli;

import kiosk.app.cli.KioskCommand;
import picocli.CommandLine;

/**
 * Entry point of {@code bin/kiosk bench …} from a checkout: the kiosk's own command line with the benchmarks in
 * place of the kiosk jar's {@code bench}, which only says that they are not installed.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** {@code kiosk} with every subcommand of the kiosk jar and the real {@code bench}. */
    static CommandLine commandLine() {
        CommandLine line = KioskCommand.commandLine();
        line.getCommandSpec().removeSubcommand("bench");
        line.addSubcommand(new BenchCommand());
        return line;
    }
}
