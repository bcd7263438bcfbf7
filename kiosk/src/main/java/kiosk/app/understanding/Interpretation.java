package kiosk.app.understanding;

import java.util.List;
import java.util.Optional;

/**
 * What one turn's words were understood to ask, before the conversation's context is applied.
 *
 * @param subject  the shopper's own words for the thing asked about ("cordless drill"), empty for follow-ups
 * @param products the best fitting products, best first (may be empty)
 */
public record Interpretation(String normalized, Intent intent, String subject, List<ProductMatch> products,
                             Optional<FaqMatcher.FaqMatch> faq, Optional<String> department,
                             Optional<DayRequest> day, double confidence) {

    public Interpretation {
        products = List.copyOf(products);
    }

    public Optional<ProductMatch> bestProduct() {
        return products.isEmpty() ? Optional.empty() : Optional.of(products.get(0));
    }
}
