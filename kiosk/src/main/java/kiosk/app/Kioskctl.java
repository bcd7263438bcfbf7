package kiosk.app;

import kiosk.app.cli.KioskctlCommand;

/** Entry point of {@code kioskctl}: the technician's tool, talking to the running kiosk over its control socket. */
public final class Kioskctl {

    private Kioskctl() {
    }

    public static void main(String[] args) {
        System.exit(KioskctlCommand.commandLine().execute(args));
    }
}
