package kiosk.app.journal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Groups what shoppers asked for by meaning with the sentence encoder, so "bike tyres" and "bicycle tires" count as
 * one request. Greedy: the most asked request starts a group, and each next one joins the first group whose leader it
 * is close enough to (cosine similarity), else starts its own.
 */
public final class RequestClusters {

    /** Cosine similarity above which two requests are the same thing asked for (MiniLM, measured in the test). */
    public static final double SAME_REQUEST = 0.7;

    private RequestClusters() {
    }

    /** A group of requests: its most asked wording, how often any of them was asked, and every wording. */
    public record Cluster(String request, long count, List<String> wordings, float[] vector) {
    }

    public static List<Cluster> cluster(Map<String, Long> counts, Function<List<String>, float[][]> encoder) {
        List<Map.Entry<String, Long>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        float[][] vectors = encoder.apply(byCount.stream().map(Map.Entry::getKey).toList());
        List<String> leaders = new ArrayList<>();
        Map<String, float[]> leaderVectors = new LinkedHashMap<>();
        Map<String, List<String>> wordings = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (int i = 0; i < byCount.size(); i++) {
            String request = byCount.get(i).getKey();
            String group = request;
            for (String leader : leaders) {
                if (cosine(leaderVectors.get(leader), vectors[i]) >= SAME_REQUEST) {
                    group = leader;
                    break;
                }
            }
            if (group.equals(request)) {
                leaders.add(request);
                leaderVectors.put(request, vectors[i]);
            }
            wordings.computeIfAbsent(group, g -> new ArrayList<>()).add(request);
            totals.merge(group, byCount.get(i).getValue(), Long::sum);
        }
        return leaders.stream().map(leader -> new Cluster(leader, totals.get(leader), wordings.get(leader),
                        leaderVectors.get(leader)))
                .sorted(Comparator.comparingLong(Cluster::count).reversed()).toList();
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}
