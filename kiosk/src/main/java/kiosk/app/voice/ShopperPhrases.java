package kiosk.app.voice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import kiosk.app.store.Product;
import kiosk.app.store.StoreKnowledge;

/**
 * Phrases shoppers ask with, beside the store's own words, for the grammar decoder of store-biased recognition: the
 * words the understanding listens for (price, stock, hours, holidays, phone and address, a person, goodbye). Without
 * them the grammar decoder can only write a question word as a store word: "what's the price" became "watts the
 * price" (a light bulb's "watt"), "any iron pills left" became "acne …". Whole frames, not single words, so that the
 * grammar does not learn to explain any speech with a string of short words.
 */
final class ShopperPhrases {

    static final List<String> FRAMES = List.of(
            // price
            "what's the price of the", "what is the price of the", "price of the", "what does the", "cost",
            "how much does the", "how much do the", "how much", "how much are they", "is it on sale",
            // stock
            "do you still have", "do you still have the", "are there any", "is there any", "any left", "left",
            "sold out", "is the", "are the", "available", "have you got", "got any", "out of stock", "how many",
            // place
            "where would the", "where would i find", "which aisle", "what aisle", "where do i find", "i need",
            "i need something for", "i need something to", "something to", "something for", "what do i need",
            "what can i use", "what should i use", "what do you have for", "do you guys have",
            // the store itself
            "what's your phone number", "what's the phone number", "phone number", "your number", "call the store",
            "what's your address", "what is the address", "address", "where are you located", "what town",
            "what street", "are you open on", "what are your hours", "holiday hours", "on the holidays", "christmas",
            "christmas eve", "new year's eve", "new year's day", "thanksgiving", "easter", "fourth of july",
            "what time do you open on", "what time do you close on", "how late are you open",
            // a person, yes and no, goodbye
            "can i talk to", "i want to talk to", "the pharmacist", "a real person", "someone",
            "that's all", "that's all thanks", "see you", "okay", "great", "no thanks", "yes please");

    /**
     * Whole questions with a product in them, "%s" for its name or alias (singular) and "%ss" for the plural: Vosk
     * makes a bigram model of the grammar's sentences, so a product name learnt only as a sentence of its own follows
     * "where is the" by back-off alone, and a question frame learnt alone ends before any product. In whole questions
     * the bigram "the stud" and "finder in" are seen, and a product's last word ends a sentence.
     */
    static final List<String> QUESTIONS = List.of(
            "where is the %s", "where are the %ss", "where can i find %ss", "where do you keep the %ss",
            "how much is the %s", "how much are the %ss", "what's the price of the %s",
            "do you have %ss", "do you sell %ss", "is the %s in stock", "any %ss left", "i need %ss");

    /**
     * The questions above with no product the store sells in them: "[unk]" (speech outside the grammar) where the
     * product goes, so that "where's the milk" has a sentence to become other than the nearest product's. As many
     * as {@link #UNKNOWN_SHARE} of the products, per question.
     */
    static final double UNKNOWN_SHARE = 0.1;

    private ShopperPhrases() {
    }

    /**
     * The store's products asked for in whole questions (every name and alias, in each of {@link #QUESTIONS}), and
     * the same questions asking for something the store does not sell.
     */
    static List<String> questions(StoreKnowledge knowledge) {
        Set<String> names = new LinkedHashSet<>();
        for (Product product : knowledge.products()) {
            names.add(product.name().toLowerCase(Locale.ROOT));
            product.aliases().forEach(alias -> names.add(alias.toLowerCase(Locale.ROOT)));
        }
        List<String> questions = new ArrayList<>();
        for (String question : QUESTIONS) {
            boolean plural = question.contains("%ss");
            String frame = question.replace("%ss", "%s");
            // replace, not String.format: ~10,000 phrases at every knowledge load, and a format is parsed per call
            for (String name : names) {
                questions.add(frame.replace("%s", plural ? plural(name) : name));
            }
            int unknown = (int) Math.max(1, Math.round(UNKNOWN_SHARE * knowledge.products().size()));
            questions.addAll(Collections.nCopies(unknown, frame.replace("%s", "[unk]")));
        }
        return questions;
    }

    /** The plural of a name's last word, as shoppers say it: "hammers", "batteries", "brushes"; numbers stay. */
    static String plural(String name) {
        int space = name.lastIndexOf(' ');
        String last = name.substring(space + 1);
        String head = name.substring(0, space + 1);
        if (last.length() <= 2 || !Character.isLetter(last.charAt(last.length() - 1)) || last.endsWith("s")) {
            return name;
        }
        // character tests, not String.matches, which compiles its pattern at every call (once per product name)
        if (last.endsWith("y") && "aeiou".indexOf(last.charAt(last.length() - 2)) < 0) {
            return head + last.substring(0, last.length() - 1) + "ies";
        }
        boolean sibilant = last.endsWith("ch") || last.endsWith("sh") || last.endsWith("x") || last.endsWith("z");
        return head + (sibilant ? last + "es" : last + "s");
    }
}
