package kiosk.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kioskctl} command: what a technician runs over SSH. */
@Command(name = "kioskctl",
        // INHERIT: every subcommand has --help and --version too
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Check, reload and inspect the kiosk on this machine.",
        footer = {"", "Exit codes:", "  0  ok", "  1  problems found, reload refused or command failed",
                "  2  wrong command line", "  3  the kiosk is not running",
                "  4  a device the command needs is missing"},
        subcommands = {
                CtlStatusCommand.class,
                CtlCheckCommand.class,
                CtlPackageStoreCommand.class,
                CtlReloadCommand.class,
                CtlReportCommand.class,
                CtlUnansweredCommand.class,
                CtlStaffNetworkCommand.class,
                CtlLogsCommand.class,
                CtlTestAudioCommand.class,
                CtlTestPanelCommand.class,
                SayCommand.class,
                AskCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class KioskctlCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private StateOption state;

    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new KioskctlCommand());
        line.setExecutionExceptionHandler(new UserErrorHandler("kioskctl"));
        return line;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
