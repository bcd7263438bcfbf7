package kiosk.app.understanding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import kiosk.app.store.Product;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The words a shopper put before the product's own words that the product does not have: "matcha" in "do you have
 * matcha tea" when the store's tea is Black Tea. A thing the catalog has only the head noun of, its distinguishing
 * modifier (a material, a flavour, a diet, a size class, a power source) missing, is not that product: stating its
 * aisle, price or stock would answer a question nobody asked.
 *
 * <p>A modifier counts as the product's when any of the product's words has it: name, aliases, department or
 * description ("cordless" for an 18V drill described as cordless), as said or one slip away (recognition's "cordles").
 * Only the words right before the first of the product's words are read (English puts a noun's modifiers before
 * it), up to the question's frame ("where is the", "do you have"); numbers and units are sizes the matcher weighs already, and words
 * that grade or frame rather than tell one thing from another ("cheap", "usual", "grab") are not modifiers.
 */
final class Modifiers {

    /**
     * Words that may stand before a product's name without naming another thing: grading, habit, quantity and the
     * verbs shoppers put before what they want ("grab", "pick up"). Not the frame words of {@link QueryText}, which
     * are read as the frame already.
     */
    private static final Set<String> NOT_MODIFIERS = stems(List.of("good", "best", "better", "nice", "great",
            "favorite", "favourite", "usual", "normal", "standard", "ordinary", "new", "bit", "more", "extra", "another", "other", "same", "own", "all", "every", "each",
            "few", "couple", "cheap", "affordable", "decent", "proper", "right", "actual", "grab",
            "pick", "up", "purchase", "order", "locate", "see", "try", "use", "using", "fetch", "spot", "bring",
            "bought", "buying", "getting", "finding", "searching", "search", "seen", "really", "actually", "maybe",
            "perhaps", "usually", "normally", "only", "even", "now", "already", "ever", "always", "never", "also",
            "too", "very", "quite", "pretty", "yet", "no", "not", "dont", "don't", "doesnt", "isnt", "arent", "cant",
            "wondering", "wonder", "where", "yes", "yeah", "sure", "hmm", "oh", "uhm", "er", "excuse", "sorry",
            "pack", "packet", "bag", "box", "bottle", "can", "jar", "carton", "piece", "pound", "lb", "ounce", "oz",
            "gallon", "liter", "litre", "dozen", "size", "brand"));
    /** Number words and units: a size is the matcher's to weigh ("nine v", "eighteen volt"). */
    private static final Set<String> SIZES = stems(List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety", "hundred", "thousand", "point", "v", "volt", "volts", "w", "watt", "watts", "amp", "amps", "mah",
            "inch", "inches", "in", "ft", "foot", "feet", "mm", "cm", "m", "meter", "metre", "mg", "ml", "g", "gram",
            "grams", "kg", "l", "qt", "quart", "pt", "pint", "count", "ct", "pk", "x", "gb", "gig", "gigs", "gigabyte",
            "tb", "terabyte", "mb", "megabyte", "k", "p", "hz", "mah", "va"));
    /**
     * Words after a product's name that are no noun it is said of: verbs and adverbs ("mounted", "running",
     * "currently", "where did you say the glass cleaner was") and the places and times shoppers put after a thing ("back", "around", "nearby").
     */
    private static final java.util.regex.Pattern NOT_HEADS = java.util.regex.Pattern.compile(
            "[a-z]+(ed|ing|ly)|was|were|went|goes|got|be|been|back|around|near|nearby|close|over|anymore|right|now|there|too|either|as|by|from"
            + "|under|into|onto|inside|outside|again|later|tomorrow|tonight|yet|ok|okay|thanks|thank|pls|plz|real|quick"
            + "|fast|asap|though|anyway|maybe|perhaps|instead|first|next|still|even|only|each|all|both|most|best"
            + "|cheap|cheaper|cheapest|good|nice|new|today|tho|lol|sir|maam|mate|guys|man");
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

    private Modifiers() {
    }

    /**
     * The shopper's modifiers (stemmed) of the product's words that the product lacks; empty when every word the
     * question puts before the product's words is the product's too.
     *
     * @param questionTokens the question's tokens, frame words included, in order ({@link QueryText#tokens})
     */
    static List<String> missing(List<String> questionTokens, Product product) {
        Set<String> names = QueryText.contentWordsOf(product.names());
        Set<String> everything = words(product);
        List<String> missing = new ArrayList<>();
        for (int at = 0; at < questionTokens.size(); at++) {
            if (!names.contains(questionTokens.get(at))) {
                continue;
            }
            if (at == 0 || !names.contains(questionTokens.get(at - 1))) {
                // Before each run of the product's words, leftwards: "electric" in "a charger for electric cars"
                // is said of the cars, not of the charger
                for (int before = at - 1; before >= 0; before--) {
                    String word = questionTokens.get(before);
                    if (QueryText.FRAME_WORDS.contains(word) || names.contains(word)) {
                        break;
                    }
                    if (before > 0 && questionTokens.get(before - 1).equals("to")) {
                        // "to make labels", "to charge my phone": a word after "to" is a verb, what is done with
                        // the thing
                        break;
                    }
                    if (lacks(everything, word, missing)) {
                        missing.add(word);
                    }
                }
            }
            if (at + 1 < questionTokens.size() && !names.contains(questionTokens.get(at + 1))) {
                // After the run, the noun it is said of: "laptop batteries", "hdmi splitters", "printer toner" ask
                // for batteries, splitters and toner, whatever the product's words before them
                String word = questionTokens.get(at + 1);
                if (!QueryText.FRAME_WORDS.contains(word) && !NOT_HEADS.matcher(word).matches()
                        && lacks(everything, word, missing)) {
                    missing.add(word);
                }
            }
        }
        return missing;
    }

    /**
     * Words that may end a product's name after the noun it is: where it goes on the car or the body, a fit or a
     * size class ("Brake Rotor Front", "Mechanic Gloves Large"). They say which one of the thing, not another thing.
     */
    private static final Set<String> TRAILING_QUALIFIERS = stems(List.of("front", "rear", "back", "left", "right",
            "upper", "lower", "inner", "outer", "large", "medium", "small", "mini", "xl", "xxl", "regular", "pair",
            "set", "original", "classic", "plus", "pro", "max", "lite"));

    /**
     * True when the shopper's last word of the product is, in every name and alias of the product that has it, said of
     * another noun the shopper did not say: "license plates" and the store's License Plate Frame, "tires" and its
     * Tire Inflator, "a steering wheel" and its Steering Wheel Cover. English puts the noun a phrase is about last; a
     * product whose own noun the question lacks is a thing for what was asked, not that thing, and its aisle, price or
     * stock would answer a question nobody asked. Words after the noun that only size or qualify it ("Brake Rotor
     * Front", "Cooler 45 Quart", "Car Battery Group 24F") leave it the product's noun.
     *
     * @param questionTokens the asking clause's tokens, in order ({@link QueryText#tokens}); empty: false
     */
    static boolean namedOnlyByItsModifiers(List<String> questionTokens, Product product) {
        List<List<String>> phrasings = new ArrayList<>();
        phrasings.add(QueryText.contentTokens(product.name()));
        product.aliases().forEach(alias -> phrasings.add(QueryText.contentTokens(alias)));
        Set<String> names = new HashSet<>();
        phrasings.forEach(names::addAll);
        int last = questionTokens.size() - 1;
        while (last >= 0 && !names.contains(questionTokens.get(last))) {
            last--;
        }
        if (last < 0 || last + 1 < questionTokens.size() && !QueryText.FRAME_WORDS.contains(questionTokens.get(last + 1))
                && !NOT_HEADS.matcher(questionTokens.get(last + 1)).matches()) {
            // no word of the product, or a noun after it the product lacks: {@link #missing} reads that one
            return false;
        }
        if (last + 1 < questionTokens.size() && VARIANT_WORDS.contains(questionTokens.get(last + 1))) {
            // "the privacy kind", "the winter one": the shopper says the word as a modifier themselves
            return false;
        }
        String said = questionTokens.get(last);
        Set<String> asked = new HashSet<>(questionTokens);
        // a capitalized abbreviation after the noun is a spec of it ("Desk Lamp LED", "Cable HDMI")
        java.util.Arrays.stream(product.name().split("[^A-Za-z0-9]+"))
                .filter(word -> word.length() >= 2 && word.chars().allMatch(Character::isUpperCase))
                .forEach(word -> asked.addAll(QueryText.contentTokens(word)));
        for (List<String> phrasing : phrasings) {
            int at = phrasing.lastIndexOf(said);
            if (at >= 0 && java.util.stream.IntStream.range(at + 1, phrasing.size())
                    .allMatch(i -> asked.contains(phrasing.get(i))
                            || qualifies(phrasing.get(i)) && !containerNoun(phrasing, i))) {
                return false;
            }
        }
        return true;
    }

    /** What a product comes in, which counts as a size after a quantity ("30 lb bag") and is a noun otherwise. */
    private static final Set<String> CONTAINERS = stems(List.of("bag", "box", "bottle", "can", "jar", "carton",
            "packet"));

    /**
     * Whether the word at {@code at} is a container named as the thing itself ("laptop bag", "pencil box"), not the
     * package a quantity comes in ("Dog Food 30 lb Bag", "Soda 12 Pack"): no number or unit just before it.
     */
    private static boolean containerNoun(List<String> phrasing, int at) {
        return CONTAINERS.contains(phrasing.get(at)) && !(at > 0 && (SIZES.contains(phrasing.get(at - 1))
                || phrasing.get(at - 1).chars().anyMatch(Character::isDigit)));
    }

    /** "the X one", "the X kind": a word said of a kind already meant. */
    private static final Set<String> VARIANT_WORDS = stems(List.of("one", "ones", "kind", "kinds", "type", "types",
            "sort", "version", "model", "variety"));

    /** A word after a product's noun that sizes or qualifies it: a number, a unit, a letter, "front", "large". */
    private static boolean qualifies(String word) {
        return word.length() <= 1 || SIZES.contains(word) || NOT_MODIFIERS.contains(word)
                || TRAILING_QUALIFIERS.contains(word) || word.chars().anyMatch(Character::isDigit);
    }

    private static boolean lacks(Set<String> everything, String word, List<String> missing) {
        return !has(everything, word) && !NOT_MODIFIERS.contains(word) && !SIZES.contains(word)
                && !word.chars().allMatch(Character::isDigit) && !missing.contains(word);
    }

    /** The first of the product's name and alias words the question holds, if any: what the modifiers are of. */
    static java.util.Optional<String> head(List<String> questionTokens, Product product) {
        Set<String> names = QueryText.contentWordsOf(product.names());
        int first = head(questionTokens, names);
        return first < questionTokens.size() ? java.util.Optional.of(questionTokens.get(first))
                : java.util.Optional.empty();
    }

    private static int head(List<String> questionTokens, Set<String> names) {
        int first = 0;
        while (first < questionTokens.size() && !names.contains(questionTokens.get(first))) {
            first++;
        }
        return first;
    }

    /** Whether a (stemmed) word grades, frames or counts rather than names a thing ("good", "cheap", "pack"). */
    static boolean grading(String word) {
        return NOT_MODIFIERS.contains(word) || SIZES.contains(word);
    }

    /** Every word the store has for the product: name, aliases, department and description (stemmed). */
    static Set<String> words(Product product) {
        Set<String> words = new HashSet<>(QueryText.tokens(product.name()));
        product.aliases().forEach(alias -> words.addAll(QueryText.tokens(alias)));
        words.addAll(QueryText.tokens(product.department()));
        words.addAll(QueryText.tokens(product.description()));
        return words;
    }

    /** The product's word as said, or one letter away for a word long enough that one letter is a slip. */
    private static boolean has(Set<String> productWords, String word) {
        if (productWords.contains(word)) {
            return true;
        }
        if (word.length() < 5) {
            return false;
        }
        for (String own : productWords) {
            if (own.length() >= 5 && Math.abs(own.length() - word.length()) <= 1) {
                int distance = ONE_EDIT.apply(own, word);
                if (distance >= 0 && distance <= 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> stems(List<String> words) {
        Set<String> all = new HashSet<>(words);
        words.forEach(word -> all.add(QueryText.stem(word)));
        return Set.copyOf(all);
    }
}
