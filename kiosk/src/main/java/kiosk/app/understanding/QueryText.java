package kiosk.app.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import kiosk.speech.SpokenForm;

/**
 * Text brought to one comparable form, for the shopper's words and the catalog alike: lower case, digits spelled
 * out as recognition hears them ("9V" → "nine v"), "double a" joined to "aa", plurals folded ("batteries" →
 * "battery").
 */
public final class QueryText {

    /** Words that frame a question rather than name a thing. */
    static final Set<String> FRAME_WORDS = withStems(java.util.List.of("where", "is", "are", "the", "a", "an", "do", "does", "did", "you",
            "your", "have", "has", "had", "any", "how", "much", "many", "it", "its", "cost", "costs", "i", "im", "me",
            "my", "looking", "look", "for", "find", "can", "could", "get", "sell", "carry", "keep", "stock", "in",
            "of", "to", "please", "what", "whats", "price", "priced", "some", "there", "they", "them", "that", "this",
            "those", "these", "need", "want", "buy", "store", "aisle", "which", "located", "at", "on", "and", "or",
            "be", "would", "like", "we", "us", "one", "ones", "available", "got", "left", "again", "hey", "hi",
            "hello", "um", "uh", "so", "well", "okay", "ok", "also", "with", "just", "thing", "things", "item",
            "section", "department", "area", "kind", "sort", "type", "stuff", "some", "here", "today", "still", "if",
            "much", "will", "shall", "should", "sir", "tell", "know", "show", "help", "please", "thanks", "thank",
            "go", "going", "put", "kept", "sold", "out", "about", "then", "instead", "else", "something", "anything", "first", "second", "s", "ll", "re", "ve",
            "t", "m",
            // comparisons name no thing ("which one is cheapest"); read as names they found a product by a slip
            "cheaper", "cheapest", "pricier", "priciest", "expensive", "bigger", "biggest", "smaller", "smallest",
            "larger", "largest"));
    /**
     * "I'd", "you'd": the "d" would be a word of its own once the apostrophe goes, and a single "d" names things
     * ("vitamin d", "d batteries"), so the contraction is spelled out first.
     */
    private static final java.util.regex.Pattern WOULD = java.util.regex.Pattern.compile(
            "(?i)\\b(i|you|we|they|he|she|it|that|who|there)['\u2019]d\\b");

    private QueryText() {
    }

    /**
     * The words and their folded forms: tokens are compared after folding, and "does" folds to "doe", which left
     * "how much does it cost" asking about a "doe".
     */
    private static Set<String> withStems(List<String> words) {
        Set<String> all = new java.util.HashSet<>(words);
        words.forEach(word -> all.add(stem(word)));
        return Set.copyOf(all);
    }

    /** Lower case, digits as words, punctuation gone, "double a" as "aa". */
    public static String normalize(String text) {
        String spoken = SpokenForm.normalize(WOULD.matcher(text).replaceAll("$1 would").replace("'s", "s"));
        return (" " + spoken + " ")
                .replace(" double as ", " aa ").replace(" double a ", " aa ")
                .replace(" triple as ", " aaa ").replace(" triple a ", " aaa ")
                .strip();
    }

    /** The normalized words with plurals folded. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String word : normalize(text).split(" ")) {
            if (!word.isEmpty()) {
                tokens.add(stem(word));
            }
        }
        return tokens;
    }

    /**
     * The tokens that name things, without the question's frame. "one" frames a question ("the one for kids", "which
     * one") except as a size, before a word that names something ("the one person tent", "one gallon"): dropped
     * there too, "where is the 1 person tent" was the 2-Person Dome Tent.
     */
    public static List<String> contentTokens(String text) {
        List<String> tokens = tokens(text);
        List<String> content = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean size = token.equals("one") && i + 1 < tokens.size() && !FRAME_WORDS.contains(tokens.get(i + 1));
            if (size || !FRAME_WORDS.contains(token)) {
                content.add(token);
            }
        }
        return content;
    }

    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes") || w.endsWith("sses"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
