package kiosk.app.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What {@code kioskctl report} shows from the journal: turns and sessions, outcomes, the containment rate (the share
 * of sessions that ended without a team member), staff calls by cause, the most asked things the store lacks
 * (grouped by meaning) and the 50th and 95th percentile time of each stage.
 *
 * @param containment sessions without a staff call / sessions; empty when there was no session
 */
public record JournalReport(Instant since, long turns, long sessions, Map<String, Long> outcomes,
                            Optional<Double> containment, Map<String, Long> staffCalls,
                            List<Request> notFound, Map<String, Stage> stages) {

    /** A request the store could not answer, with its other wordings. */
    public record Request(String request, long count, List<String> wordings) {
    }

    /** How long a stage took, in milliseconds, over {@code samples} turns. */
    public record Stage(long samples, double p50Ms, double p95Ms) {
    }

    /** The report of the turns since {@code since}; {@code encoder} groups the not-found requests by meaning. */
    public static JournalReport of(Journal journal, Instant since, Function<List<String>, float[][]> encoder) {
        List<JournalTurn> turns = journal.turnsSince(since);
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome.label(), turns.stream().filter(t -> t.outcome() == outcome).count());
        }
        Set<String> sessions = new HashSet<>();
        Set<String> escalated = new HashSet<>(journal.sessionsWithStaffCalls(since));
        Map<String, List<Double>> timings = new TreeMap<>();
        for (JournalTurn turn : turns) {
            sessions.add(turn.session());
            if (turn.outcome() == Outcome.ESCALATED) {
                escalated.add(turn.session());
            }
            turn.timingsMs().forEach((stage, ms) -> timings.computeIfAbsent(stage, s -> new ArrayList<>()).add(ms));
        }
        escalated.retainAll(sessions);
        Optional<Double> containment = sessions.isEmpty() ? Optional.empty()
                : Optional.of(Math.round(1000.0 * (sessions.size() - escalated.size()) / sessions.size()) / 1000.0);
        Map<String, Stage> stages = new LinkedHashMap<>();
        timings.forEach((stage, values) -> {
            values.sort(Double::compare);
            stages.put(stage, new Stage(values.size(), percentile(values, 50), percentile(values, 95)));
        });
        Map<String, Long> requested = notFoundRequests(turns);
        List<Request> notFound = requested.isEmpty() ? List.of()
                : RequestClusters.cluster(requested, encoder).stream()
                        .map(c -> new Request(c.request(), c.count(), c.wordings())).toList();
        return new JournalReport(since, turns.size(), sessions.size(), outcomes, containment,
                journal.staffCallsByCause(since), notFound, stages);
    }

    /** The redacted requests of the turns the store had nothing for, with how often each was asked. */
    static Map<String, Long> notFoundRequests(List<JournalTurn> turns) {
        Map<String, Long> requested = new TreeMap<>();
        turns.stream().filter(t -> t.outcome() == Outcome.NOT_FOUND).flatMap(t -> t.request().stream())
                .forEach(request -> requested.merge(request.toLowerCase(java.util.Locale.ROOT).strip(), 1L,
                        Long::sum));
        return requested;
    }

    /** Nearest rank: the smallest value with at least {@code percent} % of the values at or below it. */
    static double percentile(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return Math.round(sorted.get(Math.max(0, rank - 1)) * 10) / 10.0;
    }
}
