package kiosk.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Tallies the answers to a question set: right answers (every expected fact, nothing invented, nothing read back),
 * right intents, answers with a wrong or invented fact, parroted answers and latency, in all and per kind of question.
 */
public final class AnswerScore {

    /** The figures of a group of turns. */
    public static final class Tally {
        private int turns;
        private int right;
        private int rightIntents;
        private int wrongOrInvented;
        private int parroted;
        private final List<Double> latencies = new ArrayList<>();

        void add(boolean intentOk, AnswerJudge.Verdict verdict, double millis) {
            turns++;
            right += verdict.right() ? 1 : 0;
            rightIntents += intentOk ? 1 : 0;
            wrongOrInvented += verdict.wrongOrInvented() ? 1 : 0;
            parroted += verdict.parroted().isEmpty() ? 0 : 1;
            latencies.add(millis);
        }

        public int turns() {
            return turns;
        }

        public double rightShare() {
            return turns == 0 ? 0 : right / (double) turns;
        }

        public double rightIntentShare() {
            return turns == 0 ? 0 : rightIntents / (double) turns;
        }

        public int wrongOrInvented() {
            return wrongOrInvented;
        }

        public int parroted() {
            return parroted;
        }

        public double percentile(double p) {
            return Percentiles.of(latencies.stream().mapToDouble(Double::doubleValue).toArray(), p);
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("turns", turns);
            map.put("right", rightShare());
            map.put("right_intent", rightIntentShare());
            map.put("wrong_or_invented_fact_answers", wrongOrInvented);
            map.put("parroted_answers", parroted);
            map.put("latency_ms_p50", percentile(50));
            map.put("latency_ms_p95", percentile(95));
            return map;
        }

        /** A Markdown table row: | label | turns | right | intent | wrong or invented | parroted | p50 | p95 |. */
        public String row(String label) {
            return String.format("| %s | %d | %.1f %% | %.1f %% | %d | %d | %.1f | %.1f |", label, turns,
                    100 * rightShare(), 100 * rightIntentShare(), wrongOrInvented, parroted, percentile(50),
                    percentile(95));
        }
    }

    private final Tally all = new Tally();
    private final Tally inCatalog = new Tally();
    private int outOfCatalog;
    private int falseAnswers;
    private final Map<String, Tally> byKind = new TreeMap<>();
    private final List<String> misses = new ArrayList<>();

    public void add(QuestionSet.Turn turn, String heard, String intent, String answer, AnswerJudge.Verdict verdict,
                    double millis) {
        boolean intentOk = turn.intent().equals(intent);
        all.add(intentOk, verdict, millis);
        if (!turn.expectNone()) {
            inCatalog.add(intentOk, verdict, millis);
        }
        if (turn.kind().equals(Optional.of(Kind.OUT_OF_CATALOG))) {
            outOfCatalog++;
            falseAnswers += verdict.wrongFact() ? 1 : 0;
        }
        byKind.computeIfAbsent(turn.kind().map(Kind::label).orElse("(no kind)"), kind -> new Tally())
                .add(intentOk, verdict, millis);
        if (!verdict.right() || !intentOk || verdict.wrongOrInvented()) {
            misses.add(miss(turn, heard, intent, answer, verdict, intentOk));
        }
    }

    /** One line for a turn that missed: the question, what was heard, the answer, and every way it fell short. */
    private static String miss(QuestionSet.Turn turn, String heard, String intent, String answer,
                               AnswerJudge.Verdict verdict, boolean intentOk) {
        String expected = turn.expectNone() ? "no product fact and an offer of help" : turn.expect().toString();
        return turn.kind().map(kind -> "[" + kind.label() + "] ").orElse("") + "\"" + turn.ask() + "\""
                + (heard.equals(turn.ask()) ? "" : " heard \"" + heard + "\"") + " -> " + intent + ": " + answer
                + (verdict.factsHeld() ? "" : "  [expected " + expected + "]")
                + (intentOk ? "" : "  [expected intent " + turn.intent() + "]")
                + (verdict.wrongFact() ? "  [WRONG FACT]" : "")
                + (verdict.invented().isEmpty() ? "" : "  [INVENTED " + verdict.invented() + "]")
                + (verdict.parroted().isEmpty() ? "" : "  [PARROTED " + verdict.parroted() + "]");
    }

    public Tally all() {
        return all;
    }

    /** The tallies per kind of question, by kind label; turns of a set without kinds are under "(no kind)". */
    public Map<String, Tally> byKind() {
        return byKind;
    }

    public int turns() {
        return all.turns();
    }

    /** The turns that expect facts (everything but things the store does not sell and injected commands). */
    public Tally inCatalog() {
        return inCatalog;
    }

    /** How many turns ask for something the store does not sell ({@link Kind#OUT_OF_CATALOG}). */
    public int outOfCatalog() {
        return outOfCatalog;
    }

    /** Out-of-catalog turns answered with an aisle, price or stock: a product fact for something not sold. */
    public int falseAnswers() {
        return falseAnswers;
    }

    public List<String> misses() {
        return misses;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = all.toMap();
        Map<String, Object> kinds = new LinkedHashMap<>();
        byKind.forEach((kind, tally) -> kinds.put(kind, tally.toMap()));
        map.put("by_kind", kinds);
        map.put("in_catalog_right", inCatalog.rightShare());
        map.put("out_of_catalog_turns", outOfCatalog);
        map.put("out_of_catalog_false_answers", falseAnswers);
        map.put("misses", misses);
        return map;
    }

    /** The table's header: what the label column holds, and what the milliseconds measure. */
    public static String header(String what, String latency) {
        return "| " + what + " | turns | right | right intent | answers with wrong or invented facts | parroted | "
                + latency + " p50 ms | " + latency + " p95 ms |\n|---|---|---|---|---|---|---|---|";
    }
}
