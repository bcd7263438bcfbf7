package kiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import kiosk.app.service.ControlSocket;

/**
 * Where the kiosk finds its models, its store knowledge and the folder it may write to.
 *
 * <p>The launchers set these as system properties: {@code bin/kiosk} points into the checkout (models unpacked by the
 * build under {@code target/models}), the Debian package points at {@code /usr/share/kiosk/models},
 * {@code /var/lib/kiosk} and {@code /run/kiosk/kiosk.sock}. The store folder is the configuration's
 * ({@code store.folder} in {@code kiosk.conf}) unless a launcher or a {@code --store} option names another; with none
 * configured it is the store package installed under {@code /var/lib/kiosk/stores/}, else the demo store.
 */
public record KioskPaths(Path models, Path store, Path state) {

    public static final String MODELS_PROPERTY = "kiosk.models";
    public static final String STORE_PROPERTY = "kiosk.store";
    public static final String STATE_PROPERTY = "kiosk.state";
    public static final String CONFIG_PROPERTY = "kiosk.config";
    public static final String SOCKET_PROPERTY = "kiosk.socket";
    public static final String DEMO_STORE_PROPERTY = "kiosk.demo.store";
    /** Where {@code kioskctl package-store} packages install a store: {@code <state>/stores/<id>/}. */
    public static final String STORES_FOLDER = "stores";

    public static KioskPaths fromSystemProperties() {
        return fromSystemProperties(unconfiguredStore());
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

    /** The control socket: where the launcher says (the unit: {@code /run/kiosk/}), else in the state folder. */
    public Path socket() {
        String socket = System.getProperty(SOCKET_PROPERTY, "");
        return socket.isBlank() ? state.resolve(ControlSocket.FILE_NAME) : Path.of(socket);
    }

    /**
     * The store folder when {@code kiosk.conf} names none: the store package installed under the state folder (the
     * first by name if several are: then {@code store.folder} should say which), else the demo store.
     */
    public static Path unconfiguredStore() {
        Path stores = Path.of(System.getProperty(STATE_PROPERTY, "/var/lib/kiosk")).resolve(STORES_FOLDER);
        List<Path> installed = List.of();
        if (Files.isDirectory(stores)) {
            try (Stream<Path> folders = Files.list(stores)) {
                installed = folders.filter(folder -> Files.isRegularFile(folder.resolve("store.yaml"))).sorted()
                        .toList();
            } catch (IOException e) {
                // unreadable: as if none were installed, the demo store serves and kioskctl check names the folder
            }
        }
        return installed.isEmpty()
                ? Path.of(System.getProperty(DEMO_STORE_PROPERTY, "/usr/share/kiosk/demo-store"))
                : installed.get(0);
    }

    public Path voskModel() {
        return models.resolve("vosk-model-en-us");
    }

    /** The encoder's folder; {@code -Dkiosk.encoder=DIR} puts another one in its place, to measure it. */
    public Path encoderModel() {
        String other = System.getProperty("kiosk.encoder");
        return other != null ? Path.of(other) : models.resolve("all-minilm-l6-v2-q");
    }

    public Path tokenizerCache() {
        return state.resolve("cache").resolve("djl");
    }

    public KioskPaths withStore(Path otherStore) {
        return new KioskPaths(models, otherStore, state);
    }
}
