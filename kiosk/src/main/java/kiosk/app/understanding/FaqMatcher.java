package kiosk.app.understanding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /** The FAQ entry a question asks, with a 0..1 score, if any is close. */
    public Optional<FaqMatch> best(String question) {
        if (texts.size() == 0) {
            return Optional.empty();
        }
        float[] vector = encoder.encode(question);
        Set<String> asked = new HashSet<>(QueryText.contentTokens(question));
        FaqMatch best = null;
        for (VectorIndex.Hit hit : texts.nearest(vector, 8)) {
            Set<String> expected = textTokens.get(hit.index());
            long shared = expected.stream().filter(asked::contains).count();
            double overlap = isAnswer.get(hit.index())
                    ? (asked.isEmpty() ? 0 : shared / (double) asked.size())
                    : (expected.isEmpty() ? 0 : shared / (double) Math.max(expected.size(), asked.size()));
            double cosine = encoder.recipe().onReferenceScale(hit.score()) - (isAnswer.get(hit.index()) ? ANSWER_DISCOUNT : 0);
            double score = 0.8 * cosine + 0.2 * overlap;
            if (best == null || score > best.score()) {
                FaqEntry entry = faqs.get(owner.get(hit.index()));
                String phrasing = isAnswer.get(hit.index()) ? entry.questions().get(0) : rowText.get(hit.index());
                best = new FaqMatch(entry, score, cosine, phrasing);
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
