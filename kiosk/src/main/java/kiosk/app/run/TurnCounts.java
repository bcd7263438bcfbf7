package kiosk.app.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
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

    /** The counts in {@code file}; a missing or unreadable file starts from zero (and says so in the log). */
    public static TurnCounts open(Path file) {
        return new TurnCounts(file, read(file).orElseGet(() -> {
            String now = Instant.now().toString();
            return new Report(now, now, 0, 0, 0, Map.of());
        }));
    }

    public static java.util.Optional<Report> read(Path file) {
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(JSON.readValue(file.toFile(), Report.class));
        } catch (IOException e) {
            Logger.warn("{} cannot be read ({}); turn counts start again from zero", file, e.getMessage());
            return java.util.Optional.empty();
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
