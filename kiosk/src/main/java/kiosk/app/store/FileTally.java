package kiosk.app.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How much of one store file loaded: its rows (catalog rows, FAQ entries) and how many of them were rejected, or why
 * the file gave nothing at all. The {@link StoreVerdict} weighs these to tell a sound store from one that would
 * lose knowledge in bulk.
 */
public record FileTally(Path file, int rows, int rejected, Optional<Problem> unusable) {

    static FileTally of(Path file, int rows, int rejected) {
        return new FileTally(file, rows, rejected, Optional.empty());
    }

    static FileTally unusable(Path file, String why) {
        return new FileTally(file, 0, 0, Optional.of(new Problem(file, 0, why)));
    }

    /** Unusable for the last problem reported about {@code file} (or {@code otherwise}). */
    static FileTally unusable(Path file, List<Problem> problems, String otherwise) {
        for (int i = problems.size() - 1; i >= 0; i--) {
            if (problems.get(i).file().equals(file)) {
                return new FileTally(file, 0, 0, Optional.of(problems.get(i)));
            }
        }
        return unusable(file, otherwise);
    }
}
