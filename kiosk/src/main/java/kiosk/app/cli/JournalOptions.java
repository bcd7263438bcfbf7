package kiosk.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import kiosk.app.KioskPaths;
import kiosk.app.config.KioskConfig;
import kiosk.app.journal.Journal;
import kiosk.app.voice.KioskModels;
import picocli.CommandLine.Option;

/** What {@code kioskctl report} and {@code kioskctl unanswered} share: the period, and how they open the journal. */
final class JournalOptions {

    @Option(names = "--days", paramLabel = "N", defaultValue = "30",
            description = "The last N days of the journal (default: ${DEFAULT-VALUE}).")
    int days;

    Instant since() {
        return Clock.systemUTC().instant().minus(Duration.ofDays(days));
    }

    /** The journal of the state folder, or empty (and why on {@code err}) when the kiosk has not written one yet. */
    static Optional<Journal> open(KioskConfig config, java.io.PrintStream err) {
        Path state = KioskPaths.fromSystemProperties().state();
        if (!Files.exists(state.resolve(Journal.FILE_NAME))) {
            err.println("kioskctl: no journal yet in " + state + " (the kiosk has not taken a turn there)");
            return Optional.empty();
        }
        return Optional.of(Journal.open(state, config.journal().retention(), Clock.systemUTC()));
    }

    /** The sentence encoder, loaded only when a report has requests to group. */
    static Function<List<String>, float[][]> encoder(KioskModels models) {
        return texts -> models.encoder().encodeAll(texts);
    }
}
