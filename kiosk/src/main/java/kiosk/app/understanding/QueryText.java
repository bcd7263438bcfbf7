package kiosk.app.understanding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import kiosk.speech.Fractions;
import kiosk.speech.SpokenForm;

/**
 * Text brought to one comparable form, for the shopper's words and the catalog alike: lower case, digits spelled
 * out as recognition hears them ("9V" → "nine v"), "double a" joined to "aa", plurals folded ("batteries" →
 * "battery"), and a fraction one size token however it is written or said ("1 1/2", "1-1/2", "one and a half" and
 * "an inch and a half" are all "1-1/2", by {@link Fractions}): spelled out word by word, "1-1/2" and "1/2" were the
 * same words ("one", "two") and the one size was answered with the other.
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
            "much", "will", "shall", "should", "may", "might", "must", "sir", "tell", "know", "show", "help",
            "please", "thanks", "thank",
            "go", "going", "put", "kept", "sold", "out", "about", "then", "instead", "else", "something", "anything", "first", "second", "s", "ll", "re", "ve",
            "t", "m",
            // comparisons name no thing ("which one is cheapest"); read as names they found a product by a slip
            "cheaper", "cheapest", "pricier", "priciest", "expensive", "bigger", "biggest", "smaller", "smallest",
            "larger", "largest"));
    /**
     * Modal verbs that are also nouns ("a paint can", "trash cans", "the watering can"): they frame a question only
     * where they are verbs ({@link #frames}). As frame words everywhere, "dog food cans" was the alias "dog food"
     * and named the canned food for "where is the dog food".
     */
    private static final Set<String> MODALS = Set.of("can", "will", "shall", "may", "might", "must");
    /** The persons a modal verb is said of, on either side of it: "I can", "can I", "will someone". */
    private static final Set<String> PERSONS = Set.of("i", "you", "we", "they", "he", "she", "it", "someone",
            "somebody", "anyone", "anybody", "u", "ya");
    /** Words before a modal that make it a verb: "I can", "what can", "anything that can". */
    private static final Set<String> BEFORE_A_VERB = withPersons("what", "which", "who", "where", "how", "when", "why",
            "that", "this", "there", "one", "something", "anything", "nothing", "thing");
    /** Words after a modal that make it a verb: "can I", "will the drill", "must be", "can't". */
    private static final Set<String> AFTER_A_VERB = withPersons("the", "a", "an", "this", "that", "these", "those",
            "my", "your", "our", "his", "her", "their", "there", "not", "be", "have", "get", "find", "buy", "help",
            "tell", "show", "see", "use", "pick", "order", "return", "pay", "t", "still", "also", "just", "really",
            "please");
    private static Set<String> withPersons(String... words) {
        Set<String> all = new java.util.HashSet<>(PERSONS);
        all.addAll(List.of(words));
        return Set.copyOf(all);
    }

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

    /**
     * A price asked in an idiom, read as "cost": "what will it set me back", "what's that going to run me" (the
     * idiom's words are no product's: "set" is a Paint Set's).
     */
    private static final java.util.regex.Pattern PRICE_IDIOM = java.util.regex.Pattern.compile(" set (me|you|us) back | run (me|you|us) $");

    /** Lower case, digits as words, punctuation gone, "double a" as "aa", fractions as "1-1/2", price idioms as "cost". */
    public static String normalize(String text) {
        String spoken = SpokenForm.normalize(WOULD.matcher(text).replaceAll("$1 would").replace("'s", "s"));
        String words = PRICE_IDIOM.matcher((" " + spoken + " ")
                .replace(" double as ", " aa ").replace(" double a ", " aa ")
                .replace(" triple as ", " aaa ").replace(" triple a ", " aaa ")).replaceAll(" cost ")
                .strip();
        // SpokenForm says a written fraction in words, as the recognizer hears it; here every way of saying or
        // writing it becomes one token again
        return Fractions.write(words);
    }

    /** Whether a token is a size written as a fraction ("3/4", "1-1/2"): matched exactly, never through a slip. */
    public static boolean isFraction(String token) {
        return Fractions.isWritten(token);
    }

    /** The normalized words with plurals folded. */
    public static List<String> tokens(String text) {
        return words(text).stream().map(QueryText::stem).toList();
    }

    /** The content words of all the names together: a product's name and alias words, as the understanding compares. */
    public static Set<String> contentWordsOf(List<String> names) {
        Set<String> words = new HashSet<>();
        names.forEach(name -> words.addAll(contentTokens(name)));
        return words;
    }

    /**
     * The most content words of one of the names that the text says every one of ("and the jack stands": 2 of "jack
     * stands", 1 of "jack"); 0 when it says no name whole.
     */
    public static int wordsNamed(String text, List<String> names) {
        List<String> said = contentTokens(text);
        return names.stream().map(QueryText::contentTokens)
                .filter(name -> !name.isEmpty() && said.containsAll(name))
                .mapToInt(List::size).max().orElse(0);
    }

    /**
     * The tokens that name things, without the question's frame. "one" frames a question ("the one for kids", "which
     * one") except as a size, before a word that names something ("the one person tent", "one gallon"): dropped
     * there too, "where is the 1 person tent" was the 2-Person Dome Tent.
     */
    public static List<String> contentTokens(String text) {
        List<String> words = words(text);
        List<String> content = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String token = stem(words.get(i));
            boolean size = token.equals("one") && i + 1 < words.size() && !frames(words, i + 1);
            if (size || !frames(words, i)) {
                content.add(token);
            }
        }
        return content;
    }

    /**
     * A catalog phrase's words as a question's are read ({@link #contentTokens}), each once: the words that frame a
     * question name nothing there, so they are left out here too, else a phrase holding one could never be said
     * whole ("pink stuff", "first response", "chuck it" were not found by their own alias). "one" stays: in a name
     * it is a size ("Acme Hammer 100" is "one hundred"), and sizes weigh as they did. A phrase of frame words only
     * keeps them. A modal verb in a name is a noun ("Kitchen Trash Can", "dog food cans"), by {@link #frames}.
     */
    static List<String> nameTokens(String phrase) {
        List<String> words = words(phrase);
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        java.util.LinkedHashSet<String> content = new java.util.LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String token = stem(words.get(i));
            all.add(token);
            if (token.equals("one") || !frames(words, i)) {
                content.add(token);
            }
        }
        return List.copyOf(content.isEmpty() ? all : content);
    }

    /** The normalized words, unstemmed and in order. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : normalize(text).split(" ")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * Whether the word at {@code at} (of the normalized words, unstemmed) frames the question rather than names a
     * thing. A modal verb that is also a noun frames only as a verb: beside a pronoun, a question word or what
     * follows a verb ("where can I", "what will the drill cost", "it must be"); plural ("cans") or in a name
     * ("trash can", "the can opener") it is a noun.
     */
    static boolean frames(List<String> words, int at) {
        String word = words.get(at);
        String token = stem(word);
        if (!MODALS.contains(token)) {
            return FRAME_WORDS.contains(token);
        }
        if (!word.equals(token)) {
            return false;
        }
        return at > 0 && BEFORE_A_VERB.contains(words.get(at - 1))
                || at + 1 < words.size() && AFTER_A_VERB.contains(words.get(at + 1));
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
