package kiosk.app.cli;

import java.nio.file.Path;

import kiosk.app.KioskPaths;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --state DIR}: the folder the kiosk writes to (journal, counts, socket), for {@code kiosk} and
 * {@code kioskctl} and every subcommand (given before or after the subcommand's name). Without it, the launcher's
 * ({@code KIOSK_STATE} for {@code bin/kiosk}, {@code /var/lib/kiosk} for the package).
 */
final class StateOption {

    @Option(names = "--state", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "State folder: journal, counts, control socket (default: the launcher's, KIOSK_STATE).")
    void state(Path folder) {
        KioskPaths.useState(folder);
    }
}
