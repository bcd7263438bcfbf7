package kiosk.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kiosk} command and its subcommands (the command-line contract of DESIGN.md). */
@Command(name = "kiosk",
        // INHERIT: every subcommand has --help and --version too
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Offline voice kiosk for in-store customer help.",
        subcommands = {
                AskCommand.class,
                ListenCommand.class,
                TranscribeCommand.class,
                SayCommand.class,
                DemoCommand.class,
                RunCommand.class,
                NoBenchmarks.class,
                CommandLine.HelpCommand.class,
        })
public final class KioskCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private StateOption state;

    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new KioskCommand());
        line.setExecutionExceptionHandler(new UserErrorHandler("kiosk"));
        return line;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
