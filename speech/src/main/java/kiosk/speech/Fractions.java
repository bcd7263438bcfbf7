package kiosk.speech;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Fractions and mixed numbers, written ("1-1/2", "1 1/2", "3/4", "½") and said ("one and a half", "three quarters",
 * "half inch"), by one rule in both directions: a written fraction is said by {@link #speak} (what the synthesizer
 * reads, and the words a grammar of the store's names holds) and the words of a said one are written back by
 * {@link #write} (what a question is matched with), through the same table of the denominators' names. "PVC Elbow
 * 1-1/2 inch" is said "PVC Elbow one and a half inch", and "one and a half inch elbow", "an inch and a half elbow"
 * and "1 1/2 inch elbow" are all written "1-1/2 inch elbow".
 *
 * <p>Said, a fraction is the numerator's number and the denominator's name: plural after a numerator other than one
 * ("three quarters"), singular before a hyphen ("a 3/4-inch pipe": "three quarter inch"). A mixed number is its whole,
 * "and", then the fraction with "a" for one ("one and a half"). Read back, the numerator may also be "a"/"an" ("a
 * half", "an eighth"), a name be plural or not ("three eighth", "three eighths") or the other name of a quarter
 * ("three fourths"), and a half or quarter stand bare before a unit ("half inch", "quarter inch"). A denominator of 0
 * or 1, or a number too long to be a size, is no fraction: it is said "3 over 0".
 */
public final class Fractions {

    /** The largest whole part, numerator or denominator read as a size; beyond it a slash is read "over". */
    private static final int LARGEST = 999;
    /**
     * The denominators whose names are read back from speech: a store's sizes, halves to sixty-fourths of an inch.
     * ("twenty second" or "forty first" would make "twenty" and "first" words that may end a fraction.)
     */
    private static final List<Integer> SAID_DENOMINATORS = List.of(2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64);
    /** The largest whole part of a mixed number read back from speech ("ninety nine and a half"). */
    private static final int LARGEST_SAID_WHOLE = 99;
    /** A fraction character and its value: "½" is 1/2. */
    private static final Map<Character, int[]> VULGAR = vulgar();
    // "1-1/2", "1 1/2", "1½", "1 ½"; a hyphen after it makes it an adjective ("3/4-inch")
    private static final Pattern MIXED = Pattern.compile("(?<![\\d/.])\\b(\\d+)(?:[- ](\\d+)/(\\d+)(?![\\d/])|[- ]?(["
            + vulgarCharacters() + "]))(-?)");
    private static final Pattern SIMPLE = Pattern.compile("(?<![\\d/])(?:\\b(\\d+)/(\\d+)(?![\\d/])|(["
            + vulgarCharacters() + "]))(-?)");
    /** Denominators with names of their own; the others are named by their ordinal ("five sixteenths"). */
    private static final Map<Integer, List<Name>> NAMED = Map.of(
            2, List.of(new Name("half", "halves")),
            8, List.of(new Name("eighth", "eighths")),
            4, List.of(new Name("quarter", "quarters"), new Name("fourth", "fourths")));
    /** The denominators a shopper may say with "a" or bare: "a half", "an eighth", "quarter inch". */
    private static final Set<Integer> SAID_WITH_ARTICLE = Set.of(2, 4, 8, 16);
    /** A word that already determines the size after it: "a 1/2 inch pipe" is "a one half inch pipe", not "a a half". */
    private static final Pattern DETERMINER_BEFORE = Pattern.compile(
            "(?i)\\b(?:a|an|the|this|that|each|every|any|per|our|your|its|one)\\s+$");
    /** Units a bare "half" or "quarter" may stand before ("half inch", "quarter pound"). */
    private static final Set<String> UNITS = Set.of("inch", "inches", "in", "foot", "feet", "ft", "gallon",
            "gallons", "gal", "pound", "pounds", "lb", "ounce", "ounces", "oz", "cup", "cups", "pint", "pints", "quart",
            "quarts", "qt", "liter", "liters", "litre", "litres", "yard", "yards", "mile", "miles", "dozen", "teaspoon",
            "tablespoon", "meter", "meters", "mm", "cm");
    /** Units said before "and a half": "an inch and a half" is 1-1/2 inch. */
    private static final Set<String> LEADING_UNITS = Set.of("inch", "foot", "gallon", "pound", "ounce", "cup",
            "pint", "quart", "liter", "litre", "yard", "mile", "dozen", "meter");
    /** "an inch and a half", "one inch and a half": the one of a mixed number said with its unit. */
    private static final Set<String> ARTICLES_OF_ONE = Set.of("a", "an", "one");
    /** Said numbers and denominators' names by their first word, the longest first: "twenty one" before "twenty". */
    private static final Map<String, List<Phrase>> WHOLES = byFirstWord(wholePhrases());
    private static final Map<String, List<Phrase>> DENOMINATORS = byFirstWord(denominatorPhrases());
    /** The words of the numbers a whole or numerator is said with ("twenty", "one"). */
    private static final Set<String> NUMBER_WORDS = wholePhrases().stream()
            .flatMap(phrase -> Stream.of(phrase.words())).collect(Collectors.toUnmodifiableSet());
    /** The words one of which a said fraction holds: most questions have none, and are not read further. */
    private static final Set<String> DENOMINATOR_WORDS = denominatorWords();
    /** A fraction as {@link #write} writes it: "3/4", "1-1/2". */
    private static final Pattern WRITTEN_TOKEN = Pattern.compile("(?:\\d+-)?\\d+/\\d+");

    private Fractions() {
    }

    /** A size that is a fraction: {@code whole} 0 for a simple fraction ("3/4"), else a mixed number ("1-1/2"). */
    public record Fraction(int whole, int numerator, int denominator) {

        /** "1-1/2", "3/4": one written form for all the ways of writing or saying it. */
        public String written() {
            return (whole > 0 ? whole + "-" : "") + numerator + "/" + denominator;
        }

        /**
         * "one and a half", "three quarters", "one half"; {@code adjective} ("3/4-inch") keeps the name singular:
         * "three quarter inch".
         */
        public String spoken(boolean adjective) {
            return spoken(adjective, false);
        }

        /**
         * As {@link #spoken(boolean)}; one of a named part is "a quarter", "an eighth", as a shopper says it ("one
         * quarter by one inch" came back from the recognizer as "one floor by one"), unless a {@code determined}
         * word stands before it ("a 1/2 inch pipe": "a one half inch pipe"). "One fifth" is said with its number.
         */
        public String spoken(boolean adjective, boolean determined) {
            String name = name(denominator, numerator != 1 && !adjective);
            boolean article = numerator == 1 && (whole > 0 || !determined && SAID_WITH_ARTICLE.contains(denominator));
            String fraction = (article ? (name.startsWith("e") ? "an" : "a") : NumberWords.cardinal(numerator)) + " "
                    + name;
            return whole > 0 ? NumberWords.cardinal(whole) + " and " + fraction : fraction;
        }
    }

    /**
     * The text with every written fraction said in words ("PVC Elbow 1-1/2 inch" → "PVC Elbow one and a half inch"),
     * set apart from a word glued to it ("1/2in" → "one half in"). What is no size ("3/0", "1234/5") is said "over".
     */
    public static String speak(String text) {
        if (!mayBeWritten(text)) {
            return text; // most text holds none: a store's grammar normalizes ~10,000 phrases at every load
        }
        String mixed = replace(MIXED, text, m -> {
            int[] part = m.group(4) != null ? VULGAR.get(m.group(4).charAt(0)) : null;
            String numerator = part != null ? Integer.toString(part[0]) : m.group(2);
            String denominator = part != null ? Integer.toString(part[1]) : m.group(3);
            return written(m.group(1), numerator, denominator).map(f -> f.spoken(!m.group(5).isEmpty()))
                    .orElseGet(() -> NumberWords.whole(NumberWords.withoutLeadingZeros(m.group(1))) + " " + over(numerator, denominator));
        });
        return replace(SIMPLE, mixed, m -> {
            int[] part = m.group(3) != null ? VULGAR.get(m.group(3).charAt(0)) : null;
            String numerator = part != null ? Integer.toString(part[0]) : m.group(1);
            String denominator = part != null ? Integer.toString(part[1]) : m.group(2);
            boolean determined = DETERMINER_BEFORE.matcher(mixed.substring(Math.max(0, m.start() - 12), m.start())).find();
            return written("0", numerator, denominator).map(f -> f.spoken(!m.group(4).isEmpty(), determined))
                    .orElseGet(() -> over(numerator, denominator));
        });
    }

    /** Whether the text holds a slash or a fraction character at all. */
    private static boolean mayBeWritten(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c > 127 && VULGAR.containsKey(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words (lower case, one space between, as {@link SpokenForm} gives them) with every said fraction written:
     * "one and a half inch pipe" → "1-1/2 inch pipe", "a three quarter inch elbow" → "a 3/4 inch elbow", "half inch"
     * → "1/2 inch". Other words are kept as they are.
     */
    public static String write(String words) {
        if (!mayHoldFraction(words)) {
            return words;
        }
        String[] tokens = words.split(" ");
        List<String> out = new ArrayList<>(tokens.length);
        int at = 0;
        while (at < tokens.length) {
            Optional<Read> read = readAt(tokens, at);
            if (read.isPresent()) {
                out.add(read.get().fraction().written());
                if (read.get().unit() != null) {
                    out.add(read.get().unit());
                }
                at = read.get().end();
            } else {
                out.add(tokens[at++]);
            }
        }
        return String.join(" ", out);
    }

    /** Whether a word is a written fraction or mixed number, as {@link #write} writes them ("3/4", "1-1/2"). */
    public static boolean isWritten(String word) {
        return WRITTEN_TOKEN.matcher(word).matches();
    }

    /** A written fraction's value, if it is a size: 0 or 1 below, or more than three digits anywhere, is not. */
    private static Optional<Fraction> written(String whole, String numerator, String denominator) {
        String top = NumberWords.withoutLeadingZeros(numerator);
        String bottom = NumberWords.withoutLeadingZeros(denominator);
        String wholePart = NumberWords.withoutLeadingZeros(whole);
        if (top.length() > 3 || bottom.length() > 3 || wholePart.length() > 3) {
            return Optional.empty();
        }
        int n = Integer.parseInt(top);
        int d = Integer.parseInt(bottom);
        if (d <= 1 || n > LARGEST || d > LARGEST) {
            return Optional.empty();
        }
        return Optional.of(new Fraction(Integer.parseInt(wholePart), n, d));
    }

    /** "3 over 0": a slash between numbers that are no size. */
    private static String over(String numerator, String denominator) {
        return NumberWords.whole(NumberWords.withoutLeadingZeros(numerator)) + " over " + NumberWords.whole(NumberWords.withoutLeadingZeros(denominator));
    }

    /** The denominator's name ("half", "quarters", "sixteenths"): its own name, else its ordinal. */
    private static String name(int denominator, boolean plural) {
        List<Name> own = NAMED.get(denominator);
        if (own != null) {
            return plural ? own.get(0).plural() : own.get(0).singular();
        }
        String ordinal = NumberWords.ordinal(Integer.toString(denominator));
        return plural ? ordinal + "s" : ordinal;
    }

    /** A said fraction at {@code at}: its value, the token after it and a unit said before "and a half", if any. */
    private static Optional<Read> readAt(String[] tokens, int at) {
        // "one and a half", "two and three quarters", "one and one half"
        Optional<Match> whole = match(WHOLES, tokens, at);
        if (whole.isPresent() && whole.get().end() < tokens.length && tokens[whole.get().end()].equals("and")) {
            Optional<Match> part = fractionAt(tokens, whole.get().end() + 1, true);
            if (part.isPresent() && part.get().numerator() < part.get().value()) {
                return Optional.of(new Read(new Fraction(whole.get().value(), part.get().numerator(),
                        part.get().value()), part.get().end(), null));
            }
        }
        // "an inch and a half", "inch and a quarter": the whole is one of the unit said first
        int unitAt = at < tokens.length && ARTICLES_OF_ONE.contains(tokens[at]) ? at + 1 : at;
        if (unitAt + 1 < tokens.length && LEADING_UNITS.contains(tokens[unitAt]) && tokens[unitAt + 1].equals("and")) {
            Optional<Match> part = fractionAt(tokens, unitAt + 2, true);
            if (part.isPresent() && part.get().numerator() < part.get().value()
                    && (unitAt > at || at == 0 || !isNumberWord(tokens[at - 1]))) {
                return Optional.of(new Read(new Fraction(1, part.get().numerator(), part.get().value()),
                        part.get().end(), tokens[unitAt]));
            }
        }
        return fractionAt(tokens, at, false)
                .filter(part -> part.numerator() < part.value())
                .map(part -> new Read(new Fraction(0, part.numerator(), part.value()), part.end(), null));
    }

    /**
     * A simple fraction said at {@code at}: a numerator ("three", or "a"/"an" for a half, quarter, eighth or
     * sixteenth) and a denominator's name; after a mixed number's "and" ({@code afterAnd}) the article is said of
     * any. A bare "half" or "quarter" is a fraction before a unit ("half inch"). {@link Match#numerator} holds the
     * numerator, {@link Match#value} the denominator.
     */
    private static Optional<Match> fractionAt(String[] tokens, int at, boolean afterAnd) {
        if (at >= tokens.length) {
            return Optional.empty();
        }
        boolean article = tokens[at].equals("a") || tokens[at].equals("an");
        Optional<Match> numerator = article ? Optional.of(new Match(1, at + 1, 1)) : match(WHOLES, tokens, at);
        if (numerator.isPresent()) {
            Optional<Match> denominator = match(DENOMINATORS, tokens, numerator.get().end());
            if (denominator.isPresent() && (!article || afterAnd
                    || SAID_WITH_ARTICLE.contains(denominator.get().value()))) {
                return Optional.of(new Match(denominator.get().value(), denominator.get().end(),
                        numerator.get().value()));
            }
        }
        if (afterAnd) {
            return Optional.empty();
        }
        Optional<Match> bare = match(DENOMINATORS, tokens, at);
        if (bare.isPresent() && (bare.get().value() == 2 || bare.get().value() == 4)
                && bare.get().end() < tokens.length && UNITS.contains(tokens[bare.get().end()])
                && (at == 0 || !isNumberWord(tokens[at - 1]))) {
            return Optional.of(new Match(bare.get().value(), bare.get().end(), 1));
        }
        return Optional.empty();
    }

    private static boolean isNumberWord(String token) {
        return NUMBER_WORDS.contains(token);
    }

    /** The longest of the phrases said at {@code at}. */
    private static Optional<Match> match(Map<String, List<Phrase>> phrases, String[] tokens, int at) {
        if (at >= tokens.length) {
            return Optional.empty();
        }
        for (Phrase phrase : phrases.getOrDefault(tokens[at], List.of())) {
            String[] words = phrase.words();
            if (at + words.length > tokens.length) {
                continue;
            }
            boolean all = true;
            for (int w = 1; w < words.length && all; w++) {
                all = words[w].equals(tokens[at + w]);
            }
            if (all) {
                return Optional.of(new Match(phrase.value(), at + words.length, 0));
            }
        }
        return Optional.empty();
    }

    /** Whether any word of the text names a denominator: most questions have none, and are not read further. */
    private static boolean mayHoldFraction(String words) {
        int start = 0;
        while (start < words.length()) {
            int end = words.indexOf(' ', start);
            end = end < 0 ? words.length() : end;
            if (DENOMINATOR_WORDS.contains(words.substring(start, end))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** The last words of the denominators' names: a said fraction ends with one ("sixty fourths": "fourths"). */
    private static Set<String> denominatorWords() {
        Set<String> words = new java.util.HashSet<>();
        DENOMINATORS.values().forEach(phrases -> phrases.forEach(
                phrase -> words.add(phrase.words()[phrase.words().length - 1])));
        return Set.copyOf(words);
    }

    /** The cardinal numbers 1..{@link #LARGEST_SAID_WHOLE} as said. */
    private static List<Phrase> wholePhrases() {
        List<Phrase> phrases = new ArrayList<>();
        for (int n = 1; n <= LARGEST_SAID_WHOLE; n++) {
            phrases.add(new Phrase(NumberWords.cardinal(n).split(" "), n));
        }
        return phrases;
    }

    /**
     * Every said denominator's names, singular and plural: the named ones' ({@link #NAMED}) and the others' ordinals
     * ({@link #SAID_DENOMINATORS}). Never "second": "one second" is no half.
     */
    private static List<Phrase> denominatorPhrases() {
        Map<String, Integer> names = new LinkedHashMap<>();
        for (int d : SAID_DENOMINATORS) {
            List<Name> own = NAMED.getOrDefault(d, List.of(new Name(name(d, false), name(d, true))));
            for (Name name : own) {
                names.put(name.singular(), d);
                names.put(name.plural(), d);
            }
        }
        List<Phrase> phrases = new ArrayList<>();
        names.forEach((said, d) -> phrases.add(new Phrase(said.split(" "), d)));
        return phrases;
    }

    /** The phrases by their first word, the longest of each first: "twenty one" is read before "twenty". */
    private static Map<String, List<Phrase>> byFirstWord(List<Phrase> phrases) {
        Map<String, List<Phrase>> byFirst = new java.util.HashMap<>();
        phrases.forEach(phrase -> byFirst.computeIfAbsent(phrase.words()[0], word -> new ArrayList<>()).add(phrase));
        byFirst.replaceAll((word, list) -> list.stream()
                .sorted(Comparator.comparingInt((Phrase phrase) -> phrase.words().length).reversed()).toList());
        return Map.copyOf(byFirst);
    }

    private static Map<Character, int[]> vulgar() {
        Map<Character, int[]> vulgar = new LinkedHashMap<>();
        vulgar.put('½', new int[] {1, 2});
        vulgar.put('⅓', new int[] {1, 3});
        vulgar.put('⅔', new int[] {2, 3});
        vulgar.put('¼', new int[] {1, 4});
        vulgar.put('¾', new int[] {3, 4});
        vulgar.put('⅛', new int[] {1, 8});
        vulgar.put('⅜', new int[] {3, 8});
        vulgar.put('⅝', new int[] {5, 8});
        vulgar.put('⅞', new int[] {7, 8});
        return Map.copyOf(vulgar);
    }

    private static String vulgarCharacters() {
        StringBuilder characters = new StringBuilder();
        VULGAR.keySet().forEach(characters::append);
        return characters.toString();
    }

    /** Each match replaced by its words, a space between them and a word or number glued to the match. */
    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> spoken) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            boolean glued = matcher.end() < text.length() && Character.isLetterOrDigit(text.charAt(matcher.end()));
            matcher.appendReplacement(out, Matcher.quoteReplacement(spoken.apply(matcher) + (glued ? " " : "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A denominator's names: "quarter", "quarters". */
    private record Name(String singular, String plural) {
    }

    /** Words said for a number. */
    private record Phrase(String[] words, int value) {
    }

    /** A number read at a place: its value, the token after it, and (for a fraction) its numerator. */
    private record Match(int value, int end, int numerator) {
    }

    /** A fraction read from words, where its words end, and the unit said before "and a half" (or null). */
    private record Read(Fraction fraction, int end, String unit) {
    }
}
