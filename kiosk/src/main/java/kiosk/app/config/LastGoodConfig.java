package kiosk.app.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kiosk.app.store.Folders;
import kiosk.app.store.Problem;
import org.tinylog.Logger;

/**
 * A copy of the last configuration the kiosk ran with, kept in the state folder: the main file and its drop-ins
 * ({@code kiosk.conf.d/*.conf}), since the settings are what all of them make together. A kiosk restarted (by a power
 * cut or an upgrade) after a technician saved a broken {@code kiosk.conf}, or configuration management a broken
 * drop-in, starts with this copy instead of refusing to start, and says why; the store is not left without its kiosk
 * over a typo, and a fallback never drops the pins or staff settings a drop-in gave.
 */
public final class LastGoodConfig {

    /** The copy of the main file in {@link #copy()}; the drop-ins are in {@link #DROP_INS} beside it. */
    private static final String MAIN = "kiosk.conf";
    private static final String DROP_INS = "kiosk.conf.d";
    /** Where versions before the drop-ins were covered kept a copy of the main file alone. */
    private static final String SINGLE_FILE = "last-good-kiosk.conf";

    private final Path copy;
    private final Path singleFile;

    public LastGoodConfig(Path stateFolder) {
        this.copy = stateFolder.resolve("last-good-config");
        this.singleFile = stateFolder.resolve(SINGLE_FILE);
    }

    /**
     * Remembers the files {@code config} was read from, when they still read as {@code config} (a file saved since
     * is not taken for the one that worked). A kiosk on the defaults (no file at all) remembers an empty copy.
     */
    public void remember(KioskConfig config) {
        Path file = config.file();
        List<Problem> problems = new ArrayList<>();
        Map<Path, String> texts = ConfigReader.texts(file, problems);
        Optional<KioskConfig> now = !problems.isEmpty() ? Optional.empty()
                : texts.isEmpty() ? Optional.of(KioskConfig.defaults(file)) : ConfigReader.read(file, texts).config();
        if (!now.equals(Optional.of(config))) {
            Logger.warn("{} changed since it was read; the last good copy in {} is kept as it was", file, copy);
            return;
        }
        Path temporary = copy.resolveSibling(copy.getFileName() + ".tmp");
        Path old = copy.resolveSibling(copy.getFileName() + ".old");
        try {
            Folders.deleteTree(temporary);
            Files.createDirectories(temporary.resolve(DROP_INS));
            for (Map.Entry<Path, String> text : texts.entrySet()) {
                Path target = text.getKey().equals(file) ? temporary.resolve(MAIN)
                        : temporary.resolve(DROP_INS).resolve(text.getKey().getFileName().toString());
                Files.writeString(target, text.getValue());
            }
            Folders.deleteTree(old);
            if (Files.exists(copy)) {
                Files.move(copy, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temporary, copy, StandardCopyOption.ATOMIC_MOVE);
            Folders.deleteTree(old);
            Files.deleteIfExists(singleFile); // superseded: it would leave out the drop-ins
        } catch (IOException | RuntimeException e) {
            Logger.warn("cannot keep a copy of {} and its drop-ins in {}: {}", file, copy, e.getMessage());
        }
    }

    /**
     * The last good settings, read as if the copied files were still at {@code file} and in its drop-in folder (so
     * relative paths are taken from {@code file}'s folder). An older kiosk's copy of the main file alone is read when
     * there is no other.
     */
    public Optional<KioskConfig> recall(Path file) {
        try {
            if (Files.isDirectory(copy)) {
                Map<Path, String> texts = new LinkedHashMap<>();
                if (Files.isRegularFile(copy.resolve(MAIN))) {
                    texts.put(file, Files.readString(copy.resolve(MAIN)));
                }
                List<Path> dropIns = new ArrayList<>();
                try (DirectoryStream<Path> listed = Files.newDirectoryStream(copy.resolve(DROP_INS), "*.conf")) {
                    listed.forEach(dropIns::add);
                }
                dropIns.sort(Comparator.comparing(path -> path.getFileName().toString()));
                Path folder = ConfigReader.dropInFolder(file);
                for (Path dropIn : dropIns) {
                    texts.put(folder.resolve(dropIn.getFileName().toString()), Files.readString(dropIn));
                }
                return texts.isEmpty() ? Optional.of(KioskConfig.defaults(file))
                        : ConfigReader.read(file, texts).config();
            }
            if (Files.isRegularFile(singleFile)) {
                return ConfigReader.read(file, Files.readString(singleFile)).config();
            }
            return Optional.empty();
        } catch (IOException e) {
            Logger.warn("cannot read the last good configuration {}: {}", copy, e.getMessage());
            return Optional.empty();
        }
    }

    /** The folder of the copy. */
    public Path copy() {
        return copy;
    }
}
