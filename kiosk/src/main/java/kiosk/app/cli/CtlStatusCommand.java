package kiosk.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import kiosk.app.KioskPaths;
import kiosk.app.config.ConfigReader;
import kiosk.app.service.ControlSocket;
import kiosk.app.store.StoreAsOf;
import kiosk.model.generate.PackLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kioskctl status}: what the running kiosk serves, its devices and its last errors. */
@Command(name = "status", description = "Show version, uptime, models, store, devices and the last errors.")
final class CtlStatusCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> status = new LinkedHashMap<>();
        int code;
        try {
            status.put("running", true);
            status.putAll(CtlSocket.ask("status", Duration.ofSeconds(10)));
            code = ExitCode.OK;
        } catch (ControlSocket.NotRunningException e) {
            status.put("running", false);
            status.put("why", e.getMessage());
            Path config = KioskPaths.configFile();
            ConfigReader.Result read = ConfigReader.read(config);
            status.put("config", config + (read.problems().isEmpty() ? "" : " (has problems: run kioskctl check)"));
            read.config().ifPresent(c -> status.put("store", KioskPaths.fromSystemProperties(c.store().folder())
                    .store().toString()));
            code = ExitCode.NOT_RUNNING;
        }
        // when the store's knowledge was packaged (kioskctl package-store), to tell how current the catalog is
        Path store = KioskPaths.fromSystemProperties(ConfigReader.read(KioskPaths.configFile()).config()
                .map(config -> config.store().folder()).orElseGet(KioskPaths::unconfiguredStore)).store();
        status.put("store_as_of", StoreAsOf.read(store).map(Instant::toString).orElse("not packaged"));
        status.put("packs_installed", installedPacks(KioskPaths.fromSystemProperties().models()));
        if (json) {
            System.out.println(CtlSocket.json(status));
        } else {
            CtlSocket.print(status, "", System.out);
        }
        return code;
    }

    /** Model packs are folders of the models folder that hold a {@code pack.yaml}. */
    static List<String> installedPacks(Path models) throws IOException {
        if (!Files.isDirectory(models)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(models)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve(PackLoader.FILE)))
                    .map(folder -> folder.getFileName().toString()).sorted().toList();
        }
    }
}
