package kiosk.app.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sqlite.SQLiteConfig;
import org.tinylog.Logger;

/**
 * The kiosk's journal: an SQLite database ({@code journal.db} in the state folder) holding every turn and every staff
 * call with its deliveries, so that reports survive restarts and a staff call waiting for the network is not lost.
 *
 * <p>WAL mode with one transaction per turn: a process killed at any moment loses at most the turn being written and
 * leaves a readable database. The schema is versioned ({@code PRAGMA user_version}) and upgraded by {@link #MIGRATIONS}
 * in order. Turns older than the retention are deleted when the journal opens and then at most once a day, as turns
 * are written. One connection, used under this object's lock: the voice loop writes turns, the staff desk's thread
 * writes deliveries, and reports read.
 */
public final class Journal implements AutoCloseable {

    public static final String FILE_NAME = "journal.db";

    /** Each entry upgrades the schema by one version; never edit one that has shipped, add the next. */
    static final List<List<String>> MIGRATIONS = List.of(
            List.of("""
                    CREATE TABLE turns (id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, session TEXT NOT NULL,
                        text TEXT, intent TEXT NOT NULL, sku TEXT, faq TEXT, request TEXT, outcome TEXT NOT NULL,
                        confidence REAL NOT NULL)""",
                    "CREATE INDEX turns_time ON turns(time_ms)",
                    """
                    CREATE TABLE stage_timings (turn_id INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
                        stage TEXT NOT NULL, ms REAL NOT NULL)""",
                    "CREATE INDEX stage_timings_turn ON stage_timings(turn_id)",
                    """
                    CREATE TABLE staff_calls (id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, session TEXT NOT NULL,
                        cause TEXT NOT NULL, summary TEXT NOT NULL)""",
                    """
                    CREATE TABLE deliveries (call_id INTEGER NOT NULL REFERENCES staff_calls(id) ON DELETE CASCADE,
                        channel TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_ms INTEGER NOT NULL, last_error TEXT, PRIMARY KEY (call_id, channel))"""));

    private final Connection connection;
    private final Path file;
    private final Clock clock;
    private final Optional<Duration> retention;
    private Instant lastPurge = Instant.EPOCH;

    private Journal(Connection connection, Path file, Clock clock, Optional<Duration> retention) {
        this.connection = connection;
        this.file = file;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Opens (creating it and its folder if needed) and upgrades the journal in {@code stateFolder}; turns older than
     * {@code retention} are deleted now and daily (empty: kept forever).
     *
     * @throws JournalException when the database cannot be opened or is not a journal
     */
    public static Journal open(Path stateFolder, Optional<Duration> retention, Clock clock) {
        Path file = stateFolder.resolve(FILE_NAME);
        try {
            Files.createDirectories(stateFolder);
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL); // WAL + NORMAL: durable across a crash
            config.enforceForeignKeys(true);
            config.setBusyTimeout(5000); // kioskctl report reads while the kiosk writes
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            Journal journal = new Journal(connection, file, clock, retention);
            journal.migrate();
            journal.purgeIfDue();
            return journal;
        } catch (java.io.IOException | SQLException e) {
            throw new JournalException("the journal " + file + " cannot be opened: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The schema version this database is at. */
    public synchronized int schemaVersion() {
        return query("read the schema version", () -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
                return rows.getInt(1);
            }
        });
    }

    private void migrate() throws SQLException {
        int version = schemaVersion();
        if (version > MIGRATIONS.size()) {
            throw new SQLException("its schema version " + version + " is newer than this kiosk knows ("
                    + MIGRATIONS.size() + "); a newer kiosk wrote it");
        }
        for (int next = version; next < MIGRATIONS.size(); next++) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : MIGRATIONS.get(next)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + (next + 1));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Writes one turn and its stage timings in one transaction. */
    public synchronized void record(JournalTurn turn) {
        query("write a turn", () -> {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO turns (time_ms, session, text, "
                    + "intent, sku, faq, request, outcome, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement stage = connection.prepareStatement(
                         "INSERT INTO stage_timings (turn_id, stage, ms) VALUES (?, ?, ?)")) {
                insert.setLong(1, turn.time().toEpochMilli());
                insert.setString(2, turn.session());
                insert.setString(3, turn.text().orElse(null));
                insert.setString(4, turn.intent());
                insert.setString(5, turn.sku().orElse(null));
                insert.setString(6, turn.faq().orElse(null));
                insert.setString(7, turn.request().orElse(null));
                insert.setString(8, turn.outcome().label());
                insert.setDouble(9, turn.confidence());
                insert.executeUpdate();
                long id;
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                for (Map.Entry<String, Double> timing : turn.timingsMs().entrySet()) {
                    stage.setLong(1, id);
                    stage.setString(2, timing.getKey());
                    stage.setDouble(3, timing.getValue());
                    stage.addBatch();
                }
                stage.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return null;
        });
        purgeIfDue();
    }

    /** The turns since {@code from}, oldest first. */
    public synchronized List<JournalTurn> turnsSince(Instant from) {
        return query("read the turns", () -> {
            Map<Long, Map<String, Double>> timings = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT s.turn_id, s.stage, s.ms FROM "
                    + "stage_timings s JOIN turns t ON t.id = s.turn_id WHERE t.time_ms >= ?")) {
                select.setLong(1, from.toEpochMilli());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        timings.computeIfAbsent(rows.getLong(1), id -> new LinkedHashMap<>())
                                .put(rows.getString(2), rows.getDouble(3));
                    }
                }
            }
            List<JournalTurn> turns = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, time_ms, session, text, intent, "
                    + "sku, faq, request, outcome, confidence FROM turns WHERE time_ms >= ? ORDER BY id")) {
                select.setLong(1, from.toEpochMilli());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        turns.add(new JournalTurn(Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3),
                                Optional.ofNullable(rows.getString(4)), rows.getString(5),
                                Optional.ofNullable(rows.getString(6)), Optional.ofNullable(rows.getString(7)),
                                Optional.ofNullable(rows.getString(8)), Outcome.ofLabel(rows.getString(9)),
                                rows.getDouble(10), timings.getOrDefault(rows.getLong(1), Map.of())));
                    }
                }
            }
            return turns;
        });
    }

    /** How many turns the journal holds. */
    public synchronized long turnCount() {
        return query("count the turns", () -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM turns")) {
                return rows.getLong(1);
            }
        });
    }

    /** Deletes the turns and staff calls before {@code before}; returns how many turns went. */
    public synchronized int purgeBefore(Instant before) {
        return query("delete old turns", () -> {
            try (PreparedStatement turns = connection.prepareStatement("DELETE FROM turns WHERE time_ms < ?");
                 PreparedStatement calls = connection.prepareStatement(
                         "DELETE FROM staff_calls WHERE time_ms < ? AND id NOT IN "
                                 + "(SELECT call_id FROM deliveries WHERE state = 'pending')")) {
                turns.setLong(1, before.toEpochMilli());
                calls.setLong(1, before.toEpochMilli());
                int deleted = turns.executeUpdate();
                calls.executeUpdate();
                return deleted;
            }
        });
    }

    /** Applies the retention when a day has passed since it was last applied. */
    private void purgeIfDue() {
        Instant now = clock.instant();
        if (retention.isPresent() && Duration.between(lastPurge, now).compareTo(Duration.ofDays(1)) >= 0) {
            lastPurge = now;
            int deleted = purgeBefore(now.minus(retention.get()));
            if (deleted > 0) {
                Logger.info("journal: {} turns older than {} days deleted", deleted, retention.get().toDays());
            }
        }
    }

    // staff calls and their deliveries

    /** Keeps a staff call and one pending delivery per channel; returns the call's id. */
    public synchronized long addStaffCall(StaffCallRecord call, List<String> channels) {
        return query("keep a staff call", () -> {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO staff_calls (time_ms, session, cause, summary) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement delivery = connection.prepareStatement("INSERT INTO deliveries (call_id, channel, "
                         + "state, next_attempt_ms) VALUES (?, ?, 'pending', ?)")) {
                insert.setLong(1, call.time().toEpochMilli());
                insert.setString(2, call.session());
                insert.setString(3, call.cause());
                insert.setString(4, call.summary());
                insert.executeUpdate();
                long id;
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                for (String channel : channels) {
                    delivery.setLong(1, id);
                    delivery.setString(2, channel);
                    delivery.setLong(3, call.time().toEpochMilli());
                    delivery.addBatch();
                }
                delivery.executeBatch();
                connection.commit();
                return id;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    /** Staff calls by cause since {@code from}. */
    public synchronized Map<String, Long> staffCallsByCause(Instant from) {
        return query("count the staff calls", () -> {
            Map<String, Long> causes = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT cause, COUNT(*) FROM staff_calls "
                    + "WHERE time_ms >= ? GROUP BY cause ORDER BY COUNT(*) DESC, cause")) {
                select.setLong(1, from.toEpochMilli());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        causes.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return causes;
        });
    }

    /** The sessions since {@code from} in which a team member was called. */
    public synchronized java.util.Set<String> sessionsWithStaffCalls(Instant from) {
        return query("read the staff calls", () -> {
            java.util.Set<String> sessions = new java.util.HashSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT session FROM staff_calls WHERE time_ms >= ?")) {
                select.setLong(1, from.toEpochMilli());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sessions.add(rows.getString(1));
                    }
                }
            }
            return sessions;
        });
    }

    /** Every delivery not yet made, with its call, soonest first. */
    public synchronized List<Delivery> pendingDeliveries() {
        return query("read the pending staff calls", () -> {
            List<Delivery> pending = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT c.id, c.time_ms, c.session, c.cause, c.summary, "
                         + "d.channel, d.attempts, d.next_attempt_ms, d.last_error FROM deliveries d "
                         + "JOIN staff_calls c ON c.id = d.call_id WHERE d.state = 'pending' "
                         + "ORDER BY d.next_attempt_ms")) {
                while (rows.next()) {
                    pending.add(new Delivery(rows.getLong(1), new StaffCallRecord(
                            Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3), rows.getString(4),
                            rows.getString(5)), rows.getString(6), rows.getInt(7),
                            Instant.ofEpochMilli(rows.getLong(8)), Optional.ofNullable(rows.getString(9))));
                }
            }
            return pending;
        });
    }

    /** The delivery reached its channel. */
    public synchronized void delivered(long callId, String channel) {
        setDelivery(callId, channel, "delivered", null, Instant.EPOCH);
    }

    /** The delivery failed; it is tried again at {@code nextAttempt}. */
    public synchronized void failed(long callId, String channel, String error, Instant nextAttempt) {
        setDelivery(callId, channel, "pending", error, nextAttempt);
    }

    /** The delivery failed for good (given up after its last attempt). */
    public synchronized void abandoned(long callId, String channel, String error) {
        setDelivery(callId, channel, "abandoned", error, Instant.EPOCH);
    }

    private void setDelivery(long callId, String channel, String state, String error, Instant nextAttempt) {
        query("record a staff call delivery", () -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE deliveries SET state = ?, "
                    + "attempts = attempts + 1, last_error = ?, next_attempt_ms = ? "
                    + "WHERE call_id = ? AND channel = ?")) {
                update.setString(1, state);
                update.setString(2, error);
                update.setLong(3, nextAttempt.toEpochMilli());
                update.setLong(4, callId);
                update.setString(5, channel);
                return update.executeUpdate();
            }
        });
    }

    /** {@code PRAGMA integrity_check}: "ok" for a sound database. */
    public synchronized String integrity() {
        return query("check the database", () -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                return rows.getString(1);
            }
        });
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            Logger.warn("the journal {} did not close cleanly: {}", file, e.getMessage());
        }
    }

    /** A staff call as kept: its time, the session it ended, its cause and the session's summary (redacted). */
    public record StaffCallRecord(Instant time, String session, String cause, String summary) {
    }

    /** One channel's delivery of one staff call. */
    public record Delivery(long callId, StaffCallRecord call, String channel, int attempts, Instant nextAttempt,
                           Optional<String> lastError) {
    }

    private interface Sql<T> {
        T run() throws SQLException;
    }

    private <T> T query(String what, Sql<T> sql) {
        try {
            return sql.run();
        } catch (SQLException e) {
            throw new JournalException("cannot " + what + " in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The journal cannot be opened, read or written; the message names the file and the reason. */
    public static final class JournalException extends RuntimeException {
        public JournalException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
