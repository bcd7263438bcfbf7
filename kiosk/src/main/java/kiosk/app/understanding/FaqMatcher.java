package kiosk.app.understanding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kiosk.app.store.FaqEntry;
import kiosk.model.SentenceEncoder;
import kiosk.model.VectorIndex;

/**
 * Matches a question to the store's FAQ entries by meaning (encoder) and shared words, against every phrasing and
 * the answer itself: "will you take this back without the box?" shares little with "can I return something?" but
 * much with an answer about returning items.
 */
public final class FaqMatcher {

    /**
     * An answer is written differently from a question, and a service asked in general words is not the store's own
     * question: their cosines count a little less than a phrasing's.
     */
    private static final double NOT_THE_STORES_QUESTION = 0.05;

    /** What a row of the index is: a store's phrasing, its answer, or a way shoppers ask for a service it names. */
    private enum RowKind { PHRASING, ANSWER, SERVICE_ASKED }

    private final List<FaqEntry> faqs;
    private final List<Integer> owner = new ArrayList<>();
    private final List<RowKind> kind = new ArrayList<>();
    private final List<Set<String>> textTokens = new ArrayList<>();
    private final List<String> rowText = new ArrayList<>();
    private final VectorIndex texts;
    private final SentenceEncoder encoder;

    public FaqMatcher(List<FaqEntry> faqs, SentenceEncoder encoder) {
        this.faqs = List.copyOf(faqs);
        this.encoder = encoder;
        for (int f = 0; f < faqs.size(); f++) {
            FaqEntry faq = faqs.get(f);
            int entry = f;
            for (String phrasing : faq.questions()) {
                addRow(entry, RowKind.PHRASING, phrasing);
            }
            addRow(entry, RowKind.ANSWER, faq.answer());
            for (StoreService service : StoreService.values()) {
                if (faq.questions().stream().anyMatch(service::writtenIn) || service.writtenIn(faq.answer())) {
                    service.asked().forEach(asked -> addRow(entry, RowKind.SERVICE_ASKED, asked));
                }
            }
        }
        this.texts = VectorIndex.of(encoder.encodeAll(rowText));
    }

    private void addRow(int entry, RowKind rowKind, String text) {
        owner.add(entry);
        kind.add(rowKind);
        rowText.add(text);
        textTokens.add(new HashSet<>(QueryText.contentTokens(text)));
    }

    /**
     * The FAQ entry a question asks, with a 0..1 score, if any is close. An entry is as close as its closest row (a
     * phrasing, or its answer a little discounted) and shares as many words as its most overlapping row: "can you hang
     * my tv on the wall" is close to "can you deliver a tv" and shares "tv" and "wall" with the answer that says the
     * store mounts TVs, and both count for the one entry.
     */
    public Optional<FaqMatch> best(String question) {
        if (texts.size() == 0) {
            return Optional.empty();
        }
        float[] vector = encoder.encode(question);
        Set<String> asked = new HashSet<>(QueryText.contentTokens(question));
        Map<Integer, Double> cosineOf = new HashMap<>();
        Map<Integer, Double> overlapOf = new HashMap<>();
        Map<Integer, String> phrasingOf = new HashMap<>();
        Map<Integer, Double> phrasingCosine = new HashMap<>();
        // an entry not among the nearest rows is no closer than the farthest of them
        double unseen = Double.POSITIVE_INFINITY;
        for (VectorIndex.Hit hit : texts.nearest(vector, 8)) {
            int entry = owner.get(hit.index());
            RowKind rowKind = kind.get(hit.index());
            boolean answer = rowKind == RowKind.ANSWER;
            Set<String> expected = textTokens.get(hit.index());
            long shared = expected.stream().filter(asked::contains).count();
            double overlap = answer
                    ? (asked.isEmpty() ? 0 : shared / (double) asked.size())
                    : (expected.isEmpty() ? 0 : shared / (double) Math.max(expected.size(), asked.size()));
            double cosine = encoder.recipe().onReferenceScale(hit.score())
                    - (rowKind == RowKind.PHRASING ? 0 : NOT_THE_STORES_QUESTION);
            unseen = Math.min(unseen, cosine);
            cosineOf.merge(entry, cosine, Math::max);
            overlapOf.merge(entry, overlap, Math::max);
            if (rowKind == RowKind.PHRASING && cosine > phrasingCosine.getOrDefault(entry, Double.NEGATIVE_INFINITY)) {
                phrasingCosine.put(entry, cosine);
                phrasingOf.put(entry, rowText.get(hit.index()));
            }
        }
        Integer bestEntry = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Integer, Double> entry : cosineOf.entrySet()) {
            double score = 0.8 * entry.getValue() + 0.2 * overlapOf.get(entry.getKey());
            if (score > bestScore) {
                bestEntry = entry.getKey();
                bestScore = score;
            }
        }
        if (bestEntry == null) {
            return Optional.empty();
        }
        int chosen = bestEntry;
        FaqEntry faq = faqs.get(chosen);
        // the words to ask it back with: its closest phrasing, or its first where only its answer was close
        String phrasing = phrasingOf.getOrDefault(chosen, faq.questions().get(0));
        double runnerUp = cosineOf.entrySet().stream().filter(entry -> entry.getKey() != chosen)
                .mapToDouble(Map.Entry::getValue).max().orElse(unseen);
        return Optional.of(new FaqMatch(faq, bestScore, cosineOf.get(chosen), phrasing, runnerUp));
    }

    /**
     * A FAQ entry, how close the question is to one of its phrasings or its answer, the phrasing it is closest to
     * (the first phrasing where the answer was closest): the words to ask it back with, and how close the next
     * closest entry is.
     */
    public record FaqMatch(FaqEntry faq, double score, double cosine, String phrasing, double runnerUpCosine) {

        /** How far ahead of every other entry this one is: a lone candidate is surer than one of two close ones. */
        public double lead() {
            return cosine - runnerUpCosine;
        }
    }
}
