package kiosk.app.understanding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import kiosk.app.store.FaqEntry;
import kiosk.model.SentenceEncoder;
import kiosk.model.VectorIndex;

/** Matches a question to the store's FAQ phrasings by meaning (encoder) and shared words. */
public final class FaqMatcher {

    private final List<FaqEntry> faqs;
    private final List<Integer> owner = new ArrayList<>();
    private final List<Set<String>> questionTokens = new ArrayList<>();
    private final VectorIndex questions;
    private final SentenceEncoder encoder;

    public FaqMatcher(List<FaqEntry> faqs, SentenceEncoder encoder) {
        this.faqs = List.copyOf(faqs);
        this.encoder = encoder;
        List<String> texts = new ArrayList<>();
        for (int f = 0; f < faqs.size(); f++) {
            for (String question : faqs.get(f).questions()) {
                owner.add(f);
                texts.add(question);
                questionTokens.add(new HashSet<>(QueryText.contentTokens(question)));
            }
        }
        this.questions = VectorIndex.of(encoder.encodeAll(texts));
    }

    /** The FAQ entry a question asks, with a 0..1 score, if any is close. */
    public Optional<FaqMatch> best(String question) {
        if (questions.size() == 0) {
            return Optional.empty();
        }
        float[] vector = encoder.encode(question);
        Set<String> asked = new HashSet<>(QueryText.contentTokens(question));
        FaqMatch best = null;
        for (VectorIndex.Hit hit : questions.nearest(vector, 5)) {
            Set<String> expected = questionTokens.get(hit.index());
            long shared = expected.stream().filter(asked::contains).count();
            double overlap = expected.isEmpty() ? 0 : shared / (double) Math.max(expected.size(), asked.size());
            double score = 0.8 * hit.score() + 0.2 * overlap;
            if (best == null || score > best.score()) {
                best = new FaqMatch(faqs.get(owner.get(hit.index())), score, hit.score());
            }
        }
        return Optional.ofNullable(best);
    }

    /** A FAQ entry and how close the question is to one of its phrasings. */
    public record FaqMatch(FaqEntry faq, double score, double cosine) {
    }
}
