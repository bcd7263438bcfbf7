package kiosk.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

import kiosk.app.KioskPaths;
import kiosk.app.config.ConfigReader;
import kiosk.app.config.KioskConfig;
import kiosk.app.store.Problem;
import kiosk.hardware.PanelSettings;

/** Reads {@code kiosk.conf} for a command; a file with mistakes stops the command with every mistake listed. */
public final class Configuration {

    private Configuration() {
    }

    public static KioskConfig load() {
        Path file = KioskPaths.configFile();
        ConfigReader.Result result = ConfigReader.read(file);
        return result.config().orElseThrow(() -> new IllegalStateException(file + " cannot be used:\n"
                + result.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"))));
    }

    /** The panel part of the settings, as the hardware module takes it. */
    static PanelSettings panel(KioskConfig config) {
        KioskConfig.Panel panel = config.panel();
        return new PanelSettings(panel.kind(), panel.talkButton(), panel.staffButton(), panel.listeningLight(),
                panel.staffLight(), panel.presenceSensor(), Duration.ofMillis(panel.debounceMillis()),
                Duration.ofMillis(panel.longPressMillis()), panel.display(), panel.i2cBus(), panel.displayAddress());
    }
}
