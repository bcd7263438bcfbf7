package kiosk.app.understanding;

import java.util.List;
import java.util.Optional;

/**
 * What one turn's words were understood to ask, before the conversation's context is applied.
 *
 * @param subject  the shopper's own words for the thing asked about ("cordless drill"), empty for follow-ups; never
 *                 said back
 * @param products the best fitting products, best first (may be empty)
 * @param fit      how the best products were found: named by the shopper, or matched from a need they described
 * @param contact  for {@link Intent#STORE_CONTACT}: which of the store's contact facts is asked
 * @param concern  why the turn is no question for the store (an instruction, an insult, personal numbers), if so
 */
public record Interpretation(String normalized, Intent intent, String subject, List<ProductMatch> products,
                             Optional<FaqMatcher.FaqMatch> faq, Optional<String> department,
                             Optional<DayRequest> day, double confidence, Fit fit, Contact contact,
                             ShopperWords.Concern concern) {

    /** How the products were found. */
    public enum Fit {
        /** The shopper said a product's name or alias (or nothing product-like was asked). */
        NAMED,
        /** The shopper described a need ("something to cut branches"); the products are suggestions. */
        NEED,
        /**
         * A described need matched by a product whose name or department is close to the words but whose description
         * of what it is for is not: named back as a question ("Do you mean the Carbon Monoxide Detector?"), its facts
         * said only after a yes.
         */
        GUESS,
        /** The shopper's words are part of several products' names and no more ("the allergy relief"): ask which. */
        CHOICE,
        /**
         * {@link Intent#NOT_FOUND}: the shopper named a kind of thing the store lacks ("matcha tea") and the product
         * carried is the nearest it has (its Black Tea), to offer as another thing, never as the one asked.
         */
        ALTERNATIVE
    }

    /** Which contact facts a {@link Intent#STORE_CONTACT} question asks. */
    public enum Contact { NONE, PHONE, ADDRESS, BOTH }

    public Interpretation {
        products = List.copyOf(products);
    }

    public Optional<ProductMatch> bestProduct() {
        return products.isEmpty() ? Optional.empty() : Optional.of(products.get(0));
    }
}
