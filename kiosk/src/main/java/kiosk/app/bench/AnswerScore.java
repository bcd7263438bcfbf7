package kiosk.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tallies answers against a question set: right facts, right intents, invented facts, latency. */
public final class AnswerScore {

    private int turns;
    private int rightFacts;
    private int rightIntents;
    private int invented;
    private final List<Double> latencies = new ArrayList<>();
    private final List<String> misses = new ArrayList<>();

    public void add(QuestionSet.Turn turn, String heard, String intent, String answer, List<String> inventedFacts,
                    double millis) {
        turns++;
        boolean factOk = turn.rightFact(answer);
        boolean intentOk = turn.intent().equals(intent);
        rightFacts += factOk ? 1 : 0;
        rightIntents += intentOk ? 1 : 0;
        invented += inventedFacts.isEmpty() ? 0 : 1;
        latencies.add(millis);
        if (!factOk || !intentOk || !inventedFacts.isEmpty()) {
            misses.add("\"" + turn.ask() + "\"" + (heard.equals(turn.ask()) ? "" : " heard \"" + heard + "\"")
                    + " -> " + intent + ": " + answer + (factOk ? "" : "  [expected " + turn.expect() + "]")
                    + (intentOk ? "" : "  [expected intent " + turn.intent() + "]")
                    + (inventedFacts.isEmpty() ? "" : "  [INVENTED " + inventedFacts + "]"));
        }
    }

    public int turns() {
        return turns;
    }

    public double rightFactShare() {
        return turns == 0 ? 0 : rightFacts / (double) turns;
    }

    public double rightIntentShare() {
        return turns == 0 ? 0 : rightIntents / (double) turns;
    }

    public int inventedAnswers() {
        return invented;
    }

    public List<String> misses() {
        return misses;
    }

    public double percentile(double p) {
        return Percentiles.of(latencies.stream().mapToDouble(Double::doubleValue).toArray(), p);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("turns", turns);
        map.put("right_fact", rightFactShare());
        map.put("right_intent", rightIntentShare());
        map.put("invented_fact_answers", invented);
        map.put("latency_ms_p50", percentile(50));
        map.put("latency_ms_p95", percentile(95));
        map.put("misses", misses);
        return map;
    }

    /** A Markdown table row: | label | turns | right fact | intent | invented | p50 | p95 |. */
    public String row(String label) {
        return String.format("| %s | %d | %.1f %% | %.1f %% | %d | %.1f | %.1f |", label, turns,
                100 * rightFactShare(), 100 * rightIntentShare(), invented, percentile(50), percentile(95));
    }

    public static String header(String what, String latency) {
        return "| " + what + " | turns | right fact | right intent | answers with invented facts | " + latency
                + " p50 ms | " + latency + " p95 ms |\n|---|---|---|---|---|---|---|";
    }
}
