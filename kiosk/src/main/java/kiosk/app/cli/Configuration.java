package kiosk.app.cli;

import java.nio.file.Path;
import java.util.stream.Collectors;

import kiosk.app.KioskPaths;
import kiosk.app.config.ConfigReader;
import kiosk.app.config.KioskConfig;
import kiosk.app.store.Problem;

/** Reads {@code kiosk.conf} for a command; a file with mistakes stops the command with every mistake listed. */
final class Configuration {

    private Configuration() {
    }

    static KioskConfig load() {
        Path file = KioskPaths.configFile();
        ConfigReader.Result result = ConfigReader.read(file);
        return result.config().orElseThrow(() -> new IllegalStateException(file + " cannot be used:\n"
                + result.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"))));
    }
}
