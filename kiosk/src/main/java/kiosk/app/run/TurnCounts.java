package kiosk.app.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.tinylog.Logger;

/**
 * How many turns the kiosk took, by outcome, kept in {@code report.json} in the state folder so that counts survive
 * restarts and {@code kioskctl report} can read them while the kiosk runs or not. Counts only: no shopper's words.
 */
public final class TurnCounts {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The file's content; times are ISO-8601 instants (UTC). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Report(String since, String updated, long turns, long notHeard, long staffCalls,
                         Map<String, Long> byIntent) {
    }

    private final Path file;
    private Report report;

    private TurnCounts(Path file, Report report) {
        this.file = file;
        this.report = report;
    }

    /**
     * The counts in {@code file}; a missing file starts from zero. A file that cannot be read (cut short by a full
     * disk, edited by hand) is not overwritten: it is renamed with a {@code .corrupt-<time>} suffix, so the counts in
     * it can still be recovered, and the log says so; counting starts again from zero.
     */
    public static TurnCounts open(Path file) {
        Optional<Report> report = read(file);
        if (report.isEmpty() && Files.exists(file)) {
            keepAside(file);
        }
        return new TurnCounts(file, report.orElseGet(() -> {
            String now = Instant.now().toString();
            return new Report(now, now, 0, 0, 0, Map.of());
        }));
    }

    private static void keepAside(Path file) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-"
                + Instant.now().toString().replace(":", "").replaceAll("\\.\\d+", ""));
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            Logger.error("{} could not be read; it is kept as {} and the turn counts start again from zero", file,
                    aside);
        } catch (IOException e) {
            Logger.error("{} could not be read nor renamed ({}); the turn counts start again from zero", file,
                    e.getMessage());
        }
    }

    /** The counts in {@code file}, or empty when it is missing or cannot be read (the log says why). */
    public static Optional<Report> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            Logger.warn("{} is not an ordinary file; it is not read", file);
            return Optional.empty();
        }
        try {
            Report report = JSON.readValue(file.toFile(), Report.class);
            if (report == null || report.since() == null || report.byIntent() == null) {
                Logger.warn("{} lacks its counts", file);
                return Optional.empty();
            }
            return Optional.of(report);
        } catch (IOException e) {
            Logger.warn("{} cannot be read: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    public synchronized void answered(String intent) {
        Map<String, Long> byIntent = new TreeMap<>(report.byIntent());
        byIntent.merge(intent, 1L, Long::sum);
        save(report.turns() + 1, report.notHeard(), report.staffCalls(), byIntent);
    }

    public synchronized void notHeard() {
        save(report.turns() + 1, report.notHeard() + 1, report.staffCalls(), report.byIntent());
    }

    public synchronized void staffCalled() {
        save(report.turns(), report.notHeard(), report.staffCalls() + 1, report.byIntent());
    }

    public synchronized Report report() {
        return report;
    }

    /** Written to a temporary file and moved, so a reader never sees half a file. */
    private void save(long turns, long notHeard, long staffCalls, Map<String, Long> byIntent) {
        Report next = new Report(report.since(), Instant.now().toString(), turns, notHeard, staffCalls, byIntent);
        report = next;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), next);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Logger.warn("cannot write the turn counts to {}: {}", file, e.getMessage());
        }
    }
}
