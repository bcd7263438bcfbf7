package kiosk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import kiosk.app.KioskPaths;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option every store command shares, and how such a command opens the store. */
final class StoreOption {

    @Option(names = "--store", paramLabel = "DIR", description = "Store knowledge folder (default: the configured one).")
    private Optional<Path> store;

    /** The models, at the configured paths with this command's store folder. */
    KioskModels models() {
        KioskPaths paths = KioskPaths.fromSystemProperties();
        return new KioskModels(store.map(paths::withStore).orElse(paths));
    }

    /** Loads the store; each problem in its files goes to {@code err} as one line. */
    static StoreKiosk open(KioskModels models, PrintWriter err) {
        return StoreKiosk.open(models.paths().store(), models, problem -> err.println("kiosk: " + problem));
    }
}
