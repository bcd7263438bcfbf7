package kiosk.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.tinylog.Logger;

/**
 * A copy of the last configuration file the kiosk ran with, kept in the state folder. A kiosk restarted (by a power
 * cut or an upgrade) after a technician saved a broken {@code kiosk.conf} starts with this copy instead of refusing
 * to start, and says why; the store is not left without its kiosk over a typo.
 */
public final class LastGoodConfig {

    private final Path copy;

    public LastGoodConfig(Path stateFolder) {
        this.copy = stateFolder.resolve("last-good-kiosk.conf");
    }

    /** Remembers the file {@code config} was read from (nothing to copy when it ran on the defaults). */
    public void remember(KioskConfig config) {
        if (!Files.isRegularFile(config.file())) {
            return;
        }
        try {
            Files.createDirectories(copy.getParent());
            Path temporary = copy.resolveSibling(copy.getFileName() + ".tmp");
            Files.copy(config.file(), temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Logger.warn("cannot keep a copy of {} in {}: {}", config.file(), copy, e.getMessage());
        }
    }

    /** The last good settings, read as if they were still at {@code file}. */
    public Optional<KioskConfig> recall(Path file) {
        if (!Files.isRegularFile(copy)) {
            return Optional.empty();
        }
        try {
            return ConfigReader.read(file, Files.readString(copy)).config();
        } catch (IOException e) {
            Logger.warn("cannot read the last good configuration {}: {}", copy, e.getMessage());
            return Optional.empty();
        }
    }

    public Path copy() {
        return copy;
    }
}
