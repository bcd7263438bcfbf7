package kiosk.app.dialogue;

import java.util.Locale;

import kiosk.app.store.OpeningHours;
import kiosk.app.store.Product;

/**
 * How the kiosk words a product's facts, for the ear first. The voice (FreeTTS) ends a sentence on a falling tone
 * that the small recognizer, and a shopper in a noisy aisle, lose numbers to: "It's in aisle fourteen." came back as
 * "forty", "It is twelve dollars" as "it as well". So a number is never a sentence's last word, and the word after it
 * starts with a consonant, with no pause between: "aisle ten sells" is heard where "aisle ten, and" came back as "to
 * an and" (SpokenFactsRoundTripTest's trace, BENCHMARKS.md). A price follows "sells for", with the place before it
 * ("The Claw Hammer in aisle 7 sells for $16.97."). The facts are the store's only: the product's name, aisle,
 * department and price as the catalog has them. {@code SpokenFactsRoundTripTest} speaks these very sentences.
 */
final class Answers {

    private Answers() {
    }

    /** "The Claw Hammer is in aisle 7, in the Hand Tools department." */
    static String location(Product product) {
        return the(product) + " " + be(product) + " " + where(product) + ".";
    }

    /** "The Claw Hammer in aisle 7 sells for $16.97." */
    static String price(Product product) {
        String cost = product.price().signum() == 0 ? be(product) + " free of charge"
                : (plural(product) ? "sell" : "sells") + " for $" + product.price().toPlainString();
        return the(product) + " " + place(product) + " " + cost + ".";
    }

    /** "Yes, in aisle 7 we have 4 of the Claw Hammer in stock." */
    static String inStock(Product product) {
        return "Yes, " + place(product) + " we have " + product.stock() + " of the " + product.name() + " in stock.";
    }

    /** "It's out of stock right now.", "They're …" for a plural name. */
    static String outOfStock(Product product) {
        return (plural(product) ? "They're" : "It's") + " out of stock right now.";
    }

    /** "In aisle 9 we have the Hacksaw in stock.": another product offered when the one asked for is not. */
    static String alternative(Product product) {
        String place = place(product);
        return Character.toUpperCase(place.charAt(0)) + place.substring(1) + " we have the " + product.name()
                + " in stock.";
    }

    /** "The Stud Finder in aisle 7 could do that.": a product found from a described need, offered as such. */
    static String suggestion(Product product) {
        return the(product) + (product.aisle().isPresent() ? " " + place(product) + " could do that."
                : " could do that; ask at the service desk.");
    }

    /**
     * "from 8 a.m. to 9 p.m.": with "from", the opening time is heard; "Thursday 8 a.m. to" came back as "Thursday a
     * to am".
     */
    static String open(OpeningHours hours) {
        return "from " + SpokenTime.of(hours.opens()) + " to " + SpokenTime.of(hours.closes());
    }

    /** "You can call us at (555) 010-4477.": the groups are said digit by digit, a pause between them. */
    static String phone(String phone) {
        return "You can call us at " + phone + ".";
    }

    /** "in aisle 7", "at the Service Desk" (an aisle that is a place, not a sign's number). */
    static String place(Product product) {
        return product.aisle().map(Answers::place).orElse("at the service desk");
    }

    static String place(String aisle) {
        return isAisleNumber(aisle) ? "in aisle " + aisle : "at the " + aisle;
    }

    /** "12", "12B", "C": an aisle sign; "Service Desk" is a place. */
    static boolean isAisleNumber(String aisle) {
        return aisle.matches("[0-9]{1,3}[A-Za-z]?|[A-Za-z]");
    }

    /**
     * The place, and after an aisle sign the department: the aisle's number is not the sentence's last word, and a
     * shopper who missed it can follow the department's signs.
     */
    private static String where(Product product) {
        String place = place(product);
        boolean sign = product.aisle().filter(Answers::isAisleNumber).isPresent();
        return sign && !product.department().isBlank() ? place + ", in the " + product.department() + " department"
                : place;
    }

    private static String the(Product product) {
        return "The " + product.name();
    }

    private static String be(Product product) {
        return plural(product) ? "are" : "is";
    }

    /**
     * "Drill Bits", "Pruning Shears": a name whose last word is a plural takes "are" and "they". A pack ("AA Batteries
     * 8 Pack"), a size ("Rope 50 ft") or a word such as "Glass", "Cactus" or "Trellis" does not.
     */
    static boolean plural(Product product) {
        String[] words = product.name().toLowerCase(Locale.ROOT).split("[^a-z]+");
        String last = words.length == 0 ? "" : words[words.length - 1];
        return last.length() > 3 && last.endsWith("s") && !last.matches(".*(ss|us|is|ics|lbs)");
    }
}
