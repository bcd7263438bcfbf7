package kiosk.app.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on a real SQLite file: schema version, turns with timings, retention, and refusing a newer schema. */
class JournalTest {

    @TempDir
    Path state;

    private static JournalTurn turn(Instant time, Outcome outcome, String text) {
        return new JournalTurn(time, "s1", Optional.of(text), "product_location", Optional.of("SKU-1"),
                Optional.empty(), Optional.empty(), outcome, 0.8, Map.of("understand", 12.5, "tts", 300.0));
    }

    @Test
    void keepsTurnsWithTheirTimingsAcrossReopening() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        try (Journal journal = Journal.open(state, Optional.empty(), Clock.fixed(now, ZoneOffset.UTC))) {
            assertEquals(Journal.MIGRATIONS.size(), journal.schemaVersion());
            journal.record(turn(now, Outcome.ANSWERED, "where is the drill"));
            journal.record(turn(now.plusSeconds(5), Outcome.NOT_FOUND, "bike tyres"));
        }
        try (Journal journal = Journal.open(state, Optional.empty(), Clock.fixed(now, ZoneOffset.UTC))) {
            List<JournalTurn> turns = journal.turnsSince(Instant.EPOCH);
            assertEquals(2, turns.size());
            assertEquals(turn(now, Outcome.ANSWERED, "where is the drill"), turns.get(0));
            assertEquals(Outcome.NOT_FOUND, turns.get(1).outcome());
            assertEquals("ok", journal.integrity());
        }
    }

    @Test
    void deletesTurnsOlderThanTheRetentionWhenItOpensAndDaily() {
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        MovingClock clock = new MovingClock(start);
        try (Journal journal = Journal.open(state, Optional.of(Duration.ofDays(30)), clock)) {
            journal.record(turn(start.minus(Duration.ofDays(31)), Outcome.ANSWERED, "old"));
            journal.record(turn(start.minus(Duration.ofDays(28)), Outcome.ANSWERED, "kept"));
            assertEquals(2, journal.turnCount(), "the daily purge ran at open, not again within the day");
            clock.now = start.plus(Duration.ofDays(1));
            journal.record(turn(clock.now, Outcome.ANSWERED, "today"));
            assertEquals(List.of("kept", "today"), journal.turnsSince(Instant.EPOCH).stream()
                    .map(t -> t.text().orElseThrow()).toList());
        }
    }

    @Test
    void refusesADatabaseANewerKioskWrote() throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + state.resolve(Journal.FILE_NAME));
             var statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }
        Journal.JournalException e = assertThrows(Journal.JournalException.class,
                () -> Journal.open(state, Optional.empty(), Clock.systemUTC()));
        assertTrue(e.getMessage().contains(state.resolve(Journal.FILE_NAME).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
