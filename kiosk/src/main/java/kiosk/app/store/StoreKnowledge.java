package kiosk.app.store;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the kiosk may say about a store: the only source of aisles, prices, stock levels, hours and policies.
 *
 * @param hours        opening hours per weekday; a day missing here is closed, unless it is in hoursUnknown
 * @param departments  department name → its aisles
 * @param hoursUnknown days whose hours store.yaml does not give or gives unreadably: never to be said "closed"
 * @param holidays     dates whose hours differ from the weekday's: empty hours for closed
 */
public record StoreKnowledge(String name, String greeting, Map<DayOfWeek, OpeningHours> hours, String phone,
                             String address, Map<String, List<String>> departments, List<Product> products,
                             List<FaqEntry> faqs, Set<DayOfWeek> hoursUnknown,
                             Map<LocalDate, Optional<OpeningHours>> holidays) {

    /** The question frames shoppers use, so recognition biased toward the store still hears the whole question. */
    private static final List<String> QUESTION_FRAMES = List.of(
            "where are the", "where is the", "where can i find", "where do you keep", "i'm looking for",
            "do you have", "do you sell", "do you carry", "how much is the", "how much are the", "what does it cost",
            "is it in stock", "are they in stock", "is the", "in stock", "how much is it", "where are they",
            "when do you open", "when do you close", "what time do you close", "what time do you open",
            "are you open", "open late", "today", "tomorrow", "on monday", "on tuesday", "on wednesday", "on thursday",
            "on friday", "on saturday", "on sunday", "your hours", "opening hours",
            "i need someone", "can someone help me", "call a team member", "talk to a person", "help",
            "hello", "hi", "thank you", "thanks", "bye", "goodbye", "yes", "no", "the first one", "the second one");

    public StoreKnowledge {
        hours = Map.copyOf(hours);
        departments = Map.copyOf(departments);
        products = List.copyOf(products);
        faqs = List.copyOf(faqs);
        hoursUnknown = Set.copyOf(hoursUnknown);
        holidays = Collections.unmodifiableSortedMap(new TreeMap<>(holidays));
    }

    /** A store without holiday hours. */
    public StoreKnowledge(String name, String greeting, Map<DayOfWeek, OpeningHours> hours, String phone,
                          String address, Map<String, List<String>> departments, List<Product> products,
                          List<FaqEntry> faqs, Set<DayOfWeek> hoursUnknown) {
        this(name, greeting, hours, phone, address, departments, products, faqs, hoursUnknown, Map.of());
    }

    // compiled once, not by String.matches at every phrase (a cold start builds the grammar's phrases once)
    private static final java.util.regex.Pattern VOWEL_Y = java.util.regex.Pattern.compile(".*[aeiou]y");
    private static final java.util.regex.Pattern SIBILANT_END = java.util.regex.Pattern.compile(".*(ch|sh|x|z)");

    /** Shoppers ask for "hammers" as often as for "a hammer": the grammar gets both forms of the last word. */
    private static void addWithPlural(Set<String> phrases, String phrase) {
        String lower = phrase.toLowerCase();
        phrases.add(lower);
        String[] words = lower.split(" ");
        String last = words[words.length - 1];
        if (last.length() > 2 && Character.isLetter(last.charAt(last.length() - 1)) && !last.endsWith("s")) {
            String plural = last.endsWith("y") && !VOWEL_Y.matcher(last).matches() ? last.substring(0, last.length() - 1)
                    + "ies" : SIBILANT_END.matcher(last).matches() ? last + "es" : last + "s";
            words[words.length - 1] = plural;
            phrases.add(String.join(" ", words));
        }
    }

    /** Whether the store's hours on {@code day} are unknown (as opposed to the store being closed). */
    public boolean hoursUnknownOn(DayOfWeek day) {
        return hoursUnknown.contains(day);
    }

    public Optional<OpeningHours> hoursOn(DayOfWeek day) {
        return Optional.ofNullable(hours.get(day));
    }

    /** The hours of one date: its holiday hours when it has some, else its weekday's; empty when closed. */
    public Optional<OpeningHours> hoursOn(LocalDate date) {
        return holidays.containsKey(date) ? holidays.get(date) : hoursOn(date.getDayOfWeek());
    }

    /**
     * Phrases to bias speech recognition toward this store: product names and aliases, departments, FAQ phrasings
     * and question frames, lower case.
     */
    public List<String> vocabularyPhrases() {
        Set<String> phrases = new LinkedHashSet<>(QUESTION_FRAMES);
        for (Product product : products) {
            addWithPlural(phrases, product.name());
            product.aliases().forEach(alias -> addWithPlural(phrases, alias));
        }
        departments.keySet().forEach(department -> phrases.add(department.toLowerCase()));
        for (FaqEntry faq : faqs) {
            faq.questions().forEach(question -> phrases.add(question.toLowerCase()));
        }
        return new ArrayList<>(phrases);
    }
}
