package kiosk.app;

import java.nio.file.Path;

/**
 * Where the kiosk finds its models, its store knowledge and the folder it may write to.
 *
 * <p>The launchers set these as system properties: {@code bin/kiosk} points into the checkout (models unpacked by the
 * build under {@code target/models}), the Debian package points at {@code /usr/share/kiosk/models},
 * {@code /etc/kiosk/store} and {@code /var/lib/kiosk}. The store folder is the configuration's ({@code store.folder} in
 * {@code kiosk.conf}) unless a launcher or a {@code --store} option names another.
 */
public record KioskPaths(Path models, Path store, Path state) {

    public static final String MODELS_PROPERTY = "kiosk.models";
    public static final String STORE_PROPERTY = "kiosk.store";
    public static final String STATE_PROPERTY = "kiosk.state";
    public static final String CONFIG_PROPERTY = "kiosk.config";

    public static KioskPaths fromSystemProperties() {
        return fromSystemProperties(Path.of("/etc/kiosk/store"));
    }

    /** The launcher's paths; the store folder is {@code configuredStore} unless the launcher names one. */
    public static KioskPaths fromSystemProperties(Path configuredStore) {
        String store = System.getProperty(STORE_PROPERTY, "");
        return new KioskPaths(
                Path.of(System.getProperty(MODELS_PROPERTY, "/usr/share/kiosk/models")),
                store.isBlank() ? configuredStore : Path.of(store),
                Path.of(System.getProperty(STATE_PROPERTY, "/var/lib/kiosk")));
    }

    /** {@code kiosk.conf}: where the launcher says, else {@code /etc/kiosk/kiosk.conf}. */
    public static Path configFile() {
        return Path.of(System.getProperty(CONFIG_PROPERTY, "/etc/kiosk/kiosk.conf"));
    }

    /** {@code --state DIR}: every later look-up of the paths writes to {@code folder}. */
    public static void useState(Path folder) {
        System.setProperty(STATE_PROPERTY, folder.toAbsolutePath().toString());
    }

    public Path voskModel() {
        return models.resolve("vosk-model-en-us");
    }

    public Path encoderModel() {
        return models.resolve("all-minilm-l6-v2-q");
    }

    public Path tokenizerCache() {
        return state.resolve("cache").resolve("djl");
    }

    public KioskPaths withStore(Path otherStore) {
        return new KioskPaths(models, otherStore, state);
    }
}
