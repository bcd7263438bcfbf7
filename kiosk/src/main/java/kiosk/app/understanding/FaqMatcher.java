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

    /** An answer is written differently from a question: its cosine counts a little less than a phrasing's. */
    private static final double ANSWER_DISCOUNT = 0.05;

    private final List<FaqEntry> faqs;
    private final List<Integer> owner = new ArrayList<>();
    private final List<Boolean> isAnswer = new ArrayList<>();
    private final List<Set<String>> textTokens = new ArrayList<>();
    /** Each row's text: a phrasing, or the entry's answer. */
    private final List<String> rowText = new ArrayList<>();
    private final VectorIndex texts;
    private final SentenceEncoder encoder;

    public FaqMatcher(List<FaqEntry> faqs, SentenceEncoder encoder) {
        this.faqs = List.copyOf(faqs);
        this.encoder = encoder;
        List<String> all = new ArrayList<>();
        for (int f = 0; f < faqs.size(); f++) {
            List<String> phrasings = new ArrayList<>(faqs.get(f).questions());
            phrasings.add(faqs.get(f).answer());
            for (int i = 0; i < phrasings.size(); i++) {
                owner.add(f);
                isAnswer.add(i == phrasings.size() - 1);
                all.add(phrasings.get(i));
                rowText.add(phrasings.get(i));
                textTokens.add(new HashSet<>(QueryText.contentTokens(phrasings.get(i))));
            }
        }
        this.texts = VectorIndex.of(encoder.encodeAll(all));
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
        for (VectorIndex.Hit hit : texts.nearest(vector, 8)) {
            int entry = owner.get(hit.index());
            boolean answer = isAnswer.get(hit.index());
            Set<String> expected = textTokens.get(hit.index());
            long shared = expected.stream().filter(asked::contains).count();
            double overlap = answer
                    ? (asked.isEmpty() ? 0 : shared / (double) asked.size())
                    : (expected.isEmpty() ? 0 : shared / (double) Math.max(expected.size(), asked.size()));
            double cosine = encoder.recipe().onReferenceScale(hit.score()) - (answer ? ANSWER_DISCOUNT : 0);
            cosineOf.merge(entry, cosine, Math::max);
            overlapOf.merge(entry, overlap, Math::max);
            if (!answer && cosine > phrasingCosine.getOrDefault(entry, Double.NEGATIVE_INFINITY)) {
                phrasingCosine.put(entry, cosine);
                phrasingOf.put(entry, rowText.get(hit.index()));
            }
        }
        FaqMatch best = null;
        for (Map.Entry<Integer, Double> entry : cosineOf.entrySet()) {
            double score = 0.8 * entry.getValue() + 0.2 * overlapOf.get(entry.getKey());
            if (best == null || score > best.score()) {
                FaqEntry faq = faqs.get(entry.getKey());
                // the words to ask it back with: its closest phrasing, or its first where only its answer was close
                String phrasing = phrasingOf.getOrDefault(entry.getKey(), faq.questions().get(0));
                best = new FaqMatch(faq, score, entry.getValue(), phrasing);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A FAQ entry, how close the question is to one of its phrasings or its answer, and the phrasing it is closest
     * to (the first phrasing where the answer was closest): the words to ask it back with.
     */
    public record FaqMatch(FaqEntry faq, double score, double cosine, String phrasing) {
    }
}
