package kiosk.app.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a store's knowledge was packaged: {@code kioskctl package-store} writes the build time into a small file in
 * the store folder, so a technician (and the metrics) can tell how current the catalog a kiosk serves is.
 */
public final class StoreAsOf {

    /** The file in the store folder: one ISO-8601 instant, e.g. {@code 2026-12-03T08:00:00Z}. */
    public static final String FILE = "as-of";

    private StoreAsOf() {
    }

    /** The packaging time of the store in {@code folder}; empty for a store that was not packaged (or unreadable). */
    public static Optional<Instant> read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static void write(Path folder, Instant asOf) throws IOException {
        Files.writeString(folder.resolve(FILE), asOf + "\n", StandardCharsets.UTF_8);
    }
}
