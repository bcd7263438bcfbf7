package kiosk.app.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import kiosk.app.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk killed with SIGKILL in the middle of a soak leaves a journal that opens, passes SQLite's integrity check,
 * keeps every turn it had written before the kill, and holds no half-written turn (each turn with its timings).
 */
class JournalKillTest {

    @TempDir
    Path folder;

    @Test
    void killNineMidRunLeavesAReadableJournal() throws Exception {
        Path state = folder.resolve("state");
        Path config = folder.resolve("kiosk.conf");
        Files.writeString(config, "privacy:\n  log_transcripts: yes\nmetrics:\n  textfile_folder: none\n");
        Process kiosk = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dkiosk.models=" + System.getProperty("kiosk.models"),
                "-Dkiosk.config=" + config, "-Dkiosk.store=" + Path.of("../kiosk/demo-store").toAbsolutePath(),
                "kiosk.app.bench.cli.BenchMain", "bench", "soak", "--state", state.toString(), "--typed", "1000000",
                "--spoken", "0", "--questions", Path.of("../bench/demo-questions.yaml").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("soak.log").toFile()).start();
        long seen = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (seen < 300 && System.nanoTime() < deadline && kiosk.isAlive()) {
                Thread.sleep(250);
                seen = countTurns(state);
            }
        } finally {
            kiosk.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
            kiosk.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(seen >= 300, "the soak wrote " + seen + " turns before the kill; log: "
                + Files.readString(folder.resolve("soak.log")));
        assertEquals(137, kiosk.exitValue(), "killed by SIGKILL");
        try (Journal journal = Journal.open(state, Optional.empty(), Clock.systemUTC())) {
            assertEquals("ok", journal.integrity());
            long turns = journal.turnCount();
            assertTrue(turns >= seen, turns + " turns after the kill, " + seen + " seen before it");
            long withoutTimings = journal.turnsSince(java.time.Instant.EPOCH).stream()
                    .filter(turn -> turn.timingsMs().isEmpty()).count();
            assertEquals(0, withoutTimings, "a turn was written without its timings");
        }
    }

    private static long countTurns(Path state) {
        Path file = state.resolve(Journal.FILE_NAME);
        if (!Files.exists(file)) {
            return 0;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM turns")) {
            return rows.getLong(1);
        } catch (java.sql.SQLException notReadyYet) {
            return 0; // the schema is being created
        }
    }
}
