package kiosk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import kiosk.app.KioskPaths;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option every store command shares, and how such a command opens the store. */
public final class StoreOption {

    @Option(names = "--store", paramLabel = "DIR", description = "Store knowledge folder (default: the configured one).")
    private Optional<Path> store;

    /** The models, at the configured paths with this command's store folder. */
    public KioskModels models() {
        return models(Configuration.load());
    }

    /** The models with {@code config}'s store folder, unless the launcher or {@code --store} names another. */
    public KioskModels models(kiosk.app.config.KioskConfig config) {
        KioskPaths paths = KioskPaths.fromSystemProperties(config.store().folder());
        KioskModels models = new KioskModels(store.map(paths::withStore).orElse(paths));
        models.replyLevel(config.audio().replyLevelDbfs());
        return models;
    }

    /** The store folder this command was told to use instead of the configured one, if any. */
    Optional<Path> override() {
        String launcher = System.getProperty(KioskPaths.STORE_PROPERTY, "");
        return store.or(() -> launcher.isBlank() ? Optional.empty() : Optional.of(Path.of(launcher)));
    }

    /** Loads the store; each problem in its files goes to {@code err} as one line. */
    public static StoreKiosk open(KioskModels models, PrintWriter err) {
        return StoreKiosk.open(models.paths().store(), models, problem -> err.println("kiosk: " + problem));
    }

    /** Loads the store with the configuration's model pack (if any) phrasing the replies. */
    public static StoreKiosk open(KioskModels models, kiosk.app.config.KioskConfig config, PrintWriter err) {
        java.util.function.Consumer<String> problems = problem -> err.println("kiosk: " + problem);
        return StoreKiosk.open(models.paths().store(), models, problems, models.pack(config.models().pack(),
                problems));
    }
}
