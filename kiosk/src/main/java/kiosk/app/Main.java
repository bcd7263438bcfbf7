package kiosk.app;

import kiosk.app.cli.KioskCommand;
import picocli.CommandLine;

/** Entry point of {@code bin/kiosk}: parses the command line and runs one subcommand. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(KioskCommand.commandLine().execute(args));
    }
}
