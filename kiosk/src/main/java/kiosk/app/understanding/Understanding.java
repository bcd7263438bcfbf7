package kiosk.app.understanding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import kiosk.app.store.StoreKnowledge;
import kiosk.model.SentenceEncoder;

/**
 * Turns a shopper's words into an {@link Interpretation}: which kind of question (cue words), about what (product,
 * department or FAQ entry, found by {@link ProductMatcher} and {@link FaqMatcher}), for which day, and how sure.
 * Built once per knowledge load; thread-safe.
 */
public final class Understanding {

    /** A product below this fused score is not claimed as the one asked about. */
    public static final double PRODUCT_THRESHOLD = 0.5;
    static final double FAQ_CERTAIN = 0.80;
    static final double FAQ_THRESHOLD = 0.62;

    private final StoreKnowledge knowledge;
    private final ProductMatcher products;
    private final FaqMatcher faqs;
    private final Clock clock;

    public Understanding(StoreKnowledge knowledge, SentenceEncoder encoder, Clock clock) {
        this.knowledge = knowledge;
        this.products = new ProductMatcher(knowledge.products(), encoder);
        this.faqs = new FaqMatcher(knowledge.faqs(), encoder);
        this.clock = clock;
    }

    public Interpretation interpret(String heard) {
        String text = QueryText.normalize(heard);
        if (text.isBlank()) {
            return simple(text, Intent.NOT_UNDERSTOOD, 0);
        }
        if (Cues.GREETING.matcher(text).matches()) {
            return simple(text, Intent.GREETING, 1);
        }
        if (Cues.THANKS.matcher(text).matches()) {
            return simple(text, Intent.THANKS, 1);
        }
        boolean shortReply = text.split(" ").length <= 4;
        if (shortReply && Cues.NO.matcher(text).find()) {
            return simple(text, Intent.NO, 1);
        }
        if (shortReply && Cues.YES.matcher(text).find()) {
            return simple(text, Intent.YES, 1);
        }
        String subject = subject(text);
        List<ProductMatch> ranked = products.rank(text, 5);
        Optional<FaqMatcher.FaqMatch> faq = faqs.best(text);
        Optional<String> department = department(text);
        double bestProduct = ranked.isEmpty() ? 0 : ranked.get(0).score();
        double faqScore = faq.map(FaqMatcher.FaqMatch::score).orElse(0.0);
        double faqCosine = faq.map(FaqMatcher.FaqMatch::cosine).orElse(0.0);

        if (Cues.STAFF.matcher(text).find()) {
            return new Interpretation(text, Intent.CALL_STAFF, subject, ranked, faq, department, Optional.empty(), 1);
        }
        boolean asksHours = Cues.HOURS.matcher(text).find();
        if (asksHours && bestProduct < 0.75 && faqCosine < FAQ_CERTAIN) {
            DayRequest day = DayRequest.parse(text, LocalDate.now(clock));
            return new Interpretation(text, Intent.STORE_HOURS, subject, List.of(), faq, department, Optional.of(day),
                    0.9);
        }
        if (faqCosine >= FAQ_CERTAIN || faqScore >= FAQ_THRESHOLD && faqScore > bestProduct + 0.05) {
            return new Interpretation(text, Intent.FAQ, subject, ranked, faq, department, Optional.empty(), faqScore);
        }
        boolean namesDepartment = department.isPresent()
                && (Cues.DEPARTMENT.matcher(text).find() || bestProduct < 0.75);
        if (namesDepartment) {
            return new Interpretation(text, Intent.DEPARTMENT_LOCATION, subject, ranked, faq, department,
                    Optional.empty(), 0.9);
        }
        Intent productIntent = Cues.PRICE.matcher(text).find() ? Intent.PRODUCT_PRICE
                : Cues.STOCK.matcher(text).find() && !Cues.LOCATION.matcher(text).find() ? Intent.PRODUCT_STOCK
                : Intent.PRODUCT_LOCATION;
        if (bestProduct >= PRODUCT_THRESHOLD) {
            return new Interpretation(text, productIntent, subject, ranked, faq, department, Optional.empty(),
                    bestProduct);
        }
        boolean productCue = Cues.PRICE.matcher(text).find() || Cues.STOCK.matcher(text).find()
                || Cues.LOCATION.matcher(text).find();
        if (subject.isEmpty() && productCue) {
            // "how much is it?", "and where are they?": the conversation knows what "it" is
            return new Interpretation(text, productIntent, subject, List.of(), faq, department, Optional.empty(), 0.8);
        }
        if (Cues.GOODBYE.matcher(text).find()) {
            return simple(text, Intent.GOODBYE, 1);
        }
        if (Cues.HELP.matcher(text).find() && subject.isEmpty()) {
            return new Interpretation(text, Intent.CALL_STAFF, subject, ranked, faq, department, Optional.empty(), 0.8);
        }
        if (!subject.isEmpty()) {
            return new Interpretation(text, Intent.NOT_FOUND, subject, ranked, faq, department, Optional.empty(),
                    1 - bestProduct);
        }
        return simple(text, Intent.NOT_UNDERSTOOD, 0);
    }

    private Interpretation simple(String text, Intent intent, double confidence) {
        return new Interpretation(text, intent, "", List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                confidence);
    }

    /** The shopper's content words, unstemmed, in order: what to name when the store does not have it. */
    static String subject(String normalized) {
        return java.util.Arrays.stream(normalized.split(" "))
                .filter(word -> !word.isEmpty() && !QueryText.FRAME_WORDS.contains(QueryText.stem(word)))
                .collect(Collectors.joining(" "));
    }

    private Optional<String> department(String text) {
        List<String> asked = QueryText.tokens(text);
        return knowledge.departments().keySet().stream()
                .filter(name -> {
                    List<String> tokens = QueryText.contentTokens(name);
                    return !tokens.isEmpty() && asked.containsAll(tokens);
                })
                .max((a, b) -> Integer.compare(a.length(), b.length()));
    }
}
