package kiosk.app.voice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import kiosk.app.store.Product;
import kiosk.app.understanding.DayRequest;
import kiosk.app.understanding.Intent;
import kiosk.app.understanding.Interpretation;
import kiosk.app.understanding.ProductMatch;
import kiosk.app.understanding.QueryText;
import kiosk.app.understanding.ShopperWords;
import kiosk.app.understanding.Understanding;
import kiosk.speech.Pronunciations;
import kiosk.speech.SpokenForm;
import kiosk.speech.Transcript;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.tinylog.Logger;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Which of the two decoders' readings of a spoken turn to understand, and which products it may state facts of. The
 * store-biased grammar decoder hears the store's phrases almost word for word, but forces whatever it hears into
 * them, and is sure of itself all the same: "where's the milk" came out as "where is the melt" at 0.98 confidence,
 * "I need to check my blood sugar" as "… blood shampoo" at 0.90. The free decoder writes what it hears, slips and all.
 *
 * <p>So, with both readings: the free reading when it holds an instruction, an insult or a personal number (the
 * grammar must not turn it into a product question) or when the free decoder is near certain; the grammar reading
 * when the product it names was heard by the free decoder too; otherwise the free reading when it asks something the
 * kiosk can answer; the free reading too when it asks for something the store does not sell and the grammar's only
 * a FAQ or a department; otherwise the grammar reading. The grammar reading is also the one understood when the
 * grammar decoder's n-best readings name its product with {@link #GRAMMAR_SURE} of their probability (its grammar
 * holding "[unk]" where a product goes, so that something else has somewhere to go), or when its whole reading names
 * it where the free decoder heard nothing it stands by ({@link #uncontested}).
 *
 * <p>Facts, though, are stated only on the free decoder's evidence (issue 12: no aisle, price or stock for a thing
 * the store does not sell): about a product both decoders heard, each reading saying its name by sound ("duck
 * tape", "sun bloke" for "sunblock") or being understood to ask for it; about a product whose name the free decoder
 * said in words it stood by ({@link #firmlyNamed}); or about the product of a free reading of {@link #FREE_CONFIDENT}
 * or more; the last two unless the grammar's whole reading names another product; or about a product the grammar
 * decoder's n-best readings name with {@link #GRAMMAR_CERTAIN} of their probability, "[unk]" standing for anything
 * the store does not sell, where the free words name no other product word for word. Any other product, however sure
 * the grammar decoder's best reading was of it, is named back as a question first ("Did you say the Smart Light
 * Bulb?", "Do you mean the Tweezers?"), and "yes" gets its facts. A person asked for in the free reading is called,
 * and a person or the store's own facts asked for in it outweigh a grammar product not so backed.
 */
public final class SpokenEvidence {

    private static final DoubleMetaphone SOUND = new DoubleMetaphone();
    static {
        SOUND.setMaxCodeLen(24); // whole names, not their first four sounds
    }
    /** A name may be heard with one phone slipped for every so many of its phones (see {@link #nearInPhones}). */
    static final int PHONES_PER_SLIP = 6;
    /** FreeTTS's US English phones; each stands for one letter in an edit distance. */
    private static final List<String> PHONES = List.of("aa", "ae", "ah", "ao", "aw", "ax", "axr", "ay", "b", "ch",
            "d", "dh", "eh", "el", "em", "en", "er", "ey", "f", "g", "hh", "ih", "ix", "iy", "jh", "k", "l", "m", "n",
            "ng", "ow", "oy", "p", "r", "s", "sh", "t", "th", "uh", "uw", "v", "w", "y", "z", "zh");
    /** Words of a product's name that carry no sound of it worth matching. */
    private static final Set<String> FILLER = Set.of("a", "an", "the", "and", "of", "for", "with", "in", "on", "to");
    /**
     * The free decoder near certain of two or more words: taken as typed words, as the recognizer itself takes it
     * (kiosk.speech.BiasedRecognizer.FREE_CERTAIN), whatever the grammar made of the same sounds.
     */
    static final double FREE_SURE = 0.98;
    /** A grammar reading understood as one of these may only be the store phrase nearest to something else. */
    private static final Set<Intent> NEAREST_PHRASE = Set.of(Intent.FAQ, Intent.DEPARTMENT_LOCATION);
    /**
     * How many readings the grammar decoder gives (its n-best): with "[unk]" standing for a product the store does not
     * sell in its questions ({@link ShopperPhrases#questions}), the share of their probability that names a product
     * is how sure it is of hearing that product rather than something else.
     */
    static final int GRAMMAR_READINGS = 10;
    /**
     * The grammar decoder's readings naming a product hold this share of their probability or more: its reading is
     * understood, though the free decoder heard it otherwise (espeak-ng's "smart bulbs" as "smart smiles"), and the
     * product named back before its facts.
     */
    static final double GRAMMAR_SURE = 0.95;
    /**
     * The grammar decoder's readings naming a product hold this share of their probability or more: it is certain of
     * that product, and its facts are stated without naming it back first. On the development halves' espeak-ng
     * transcripts this answered 36 more of 1,022 turns at once with no new wrong fact (BENCHMARKS.md, issue 12,
     * 2026-12-06); 0.95 gave the same turns, 0.5 two more.
     */
    static final double GRAMMAR_CERTAIN = 0.99;
    /**
     * The free decoder's words where the grammar heard a product are this unsure or less, on average: it heard
     * nothing there it stands by ("are there many smart smiles left", "smart" 0.49 and "smiles" 0.37, for "smart
     * bulbs"), so it does not contradict a grammar reading that accounts for the whole utterance. A confident other
     * word does ("where's the milk": the grammar's "where is the mail", the free decoder's "meal" at 0.79).
     */
    static final double FREE_UNSURE = 0.70;
    /**
     * A name the grammar heard uncontested has this many phones or more: a short word ("fan", "dove") is what the
     * grammar forces any short sound into.
     */
    static final int UNCONTESTED_PHONES = 4;
    /**
     * The free decoder this confident of its reading on average, over three words or more: the product it is
     * understood to ask for is taken as heard though the grammar heard something else ("our power went out last
     * night and i want something so i can see in the dark", word for word at 0.97, the grammar "are power when tarp
     * left night …").
     */
    static final double FREE_CONFIDENT = 0.90;
    /**
     * A free reading understood as one of these asks for a person or the store's own facts, with no product in it: it
     * is taken over a grammar product that the evidence does not back (which would only be named back): "can somebody
     * come help me reach something on the top shelf", heard by the grammar as "… return something the sharp
     * cheddar", or "can you page someone to aisle 7" as "… aisle fan".
     */
    private static final Set<Intent> NOT_A_PRODUCT = Set.of(Intent.CALL_STAFF, Intent.STORE_CONTACT,
            Intent.STORE_HOURS, Intent.FAQ);
    /** Intents that answer nothing: a reading understood so is no better than the other one. */
    private static final Set<Intent> ANSWERS_NOTHING = Set.of(Intent.NOT_FOUND, Intent.NOT_UNDERSTOOD, Intent.CLARIFY);

    private SpokenEvidence() {
    }

    /** The text to understand and, for each product, whether the recognizer's evidence backs stating its facts. */
    public record Reading(String text, Predicate<Product> heardForSure) {
    }

    /** Weighs the readings of {@code heard}; {@code interpret} understands a text without answering it. */
    public static Reading weigh(Transcript heard, Function<String, Interpretation> interpret) {
        Optional<Transcript> other = heard.rival().filter(rival -> rival.source() != heard.source()
                && !rival.isEmpty());
        if (other.isEmpty() || heard.isEmpty()) {
            // one decoder only: free recognition is taken as typed words, a grammar's product is confirmed
            return new Reading(heard.text(), product -> heard.source() == Transcript.Source.FREE);
        }
        Transcript free = heard.source() == Transcript.Source.FREE ? heard : other.get();
        Transcript grammar = heard.source() == Transcript.Source.GRAMMAR ? heard : other.get();
        Interpretation fromFree = interpret.apply(free.text());
        if (fromFree.concern() != ShopperWords.Concern.NONE) {
            // an instruction, an insult or a personal number in the shopper's own words: the grammar must not hide it
            return new Reading(free.text(), product -> false);
        }
        Interpretation grammarBesideSureFree = null;
        if (free.confidence() >= FREE_SURE && free.words().size() >= 2) {
            // near certain, taken as typed words; unless they answer nothing and say by sound the product the grammar
            // heard ("where is the catch up" at 1.0 for the Ketchup): then both decoders heard it, in their own words
            grammarBesideSureFree = ANSWERS_NOTHING.contains(fromFree.intent()) ? interpret.apply(grammar.text()) : null;
            boolean saysGrammarsProduct = grammarBesideSureFree != null && product(grammarBesideSureFree)
                    .filter(product -> heardByName(words(free.text()), product) && !saysWordForWord(free, product))
                    .isPresent();
            if (!saysGrammarsProduct) {
                return new Reading(free.text(), product -> true);
            }
        }
        if (fromFree.intent() == Intent.CALL_STAFF) {
            // a person asked for in the shopper's words: never turned into the grammar's product ("can you page
            // someone to aisle 7", heard by the grammar as "can you beige one to aisle fan")
            return new Reading(free.text(), product -> false);
        }
        Interpretation fromGrammar = grammarBesideSureFree != null ? grammarBesideSureFree
                : interpret.apply(grammar.text());
        Logger.debug("free reading \"{}\" ({}), grammar readings {}", free.text(), fromFree.intent(),
                grammar.readings());
        if (fromFree.intent() == Intent.STORE_HOURS && fromGrammar.intent() == Intent.STORE_HOURS
                && namesDay(fromGrammar) && !namesDay(fromFree)) {
            // "when do you open saturday" heard by the free decoder as "when do you open your day": its words name
            // no day and would get today's hours; the grammar, whose phrases hold every day, heard which
            return new Reading(grammar.text(), product -> false);
        }
        List<String> freeWords = words(free.text());
        List<String> grammarWords = words(grammar.text());
        // heard by both: each reading says its name (by sound) or is understood to ask for it; or the grammar decoder
        // is sure of it against everything else it could have heard, "[unk]" in a question included (the free
        // reading is often no English at all in a robotic voice: "are there many smart smiles left"), and the free
        // reading asks for no other product ("i'm diabetic and i need to check my blood sugar", heard by the grammar
        // as "… blood shampoo")
        Optional<Product> freeProduct = product(fromFree);
        Optional<Product> grammarProduct = product(fromGrammar);
        // a product the free decoder alone is sure of, unless the grammar accounts for the whole utterance with
        // another product ("how much are the hamburger buns": the free decoder stopped at "hamburger", understood as
        // the Ground Beef's "hamburger meat")
        Predicate<Product> wholeGrammarNamesAnother = product -> grammarProduct.isPresent()
                && !grammarProduct.get().equals(product) && grammar.readings().get(0).unheard() == 0;
        boolean freeConfident = free.confidence() >= FREE_CONFIDENT && free.words().size() >= 3
                && freeProduct.isPresent() && !wholeGrammarNamesAnother.test(freeProduct.get());
        Predicate<Product> agreed = product -> heardIn(grammarWords, fromGrammar, product)
                && heardIn(freeWords, fromFree, product);
        // facts are stated only on the free decoder's evidence: both decoders heard the product, or the free decoder
        // said its name and stood by the words, or its whole reading was confident; a product the grammar decoder
        // alone heard, however sure of it (the grammar forces what it hears into the store's phrases), is named back
        // but not a product whose name the free words hold word for word while the understanding of them points at
        // another product: "do you fail them for laptops" at a laptop bag, "a charger for the cordless drill" at the
        // drill's battery (not sold as a charger), whatever the grammar made of it ("do you sell laptops"). Words
        // understood as that product with a stray word ("do you fail shrimp") still back it.
        Predicate<Product> freeAskedOtherwise = product -> fromFree.bestProduct()
                .filter(match -> !match.product().equals(product)).isPresent() && saysWordForWord(free, product);
        Predicate<Product> bothHeard = agreed
                .or(product -> firmlyNamed(free, product) && !wholeGrammarNamesAnother.test(product))
                .or(product -> freeConfident && freeProduct.filter(product::equals).isPresent())
                .and(freeAskedOtherwise.negate());
        // which reading to understand: the grammar's too where it is sure of its product against everything else it
        // could have heard, or heard it where the free decoder heard nothing it stands by; that product is then
        // confirmed, not stated ("Did you say the Smart Bulbs?" for espeak-ng's "are there many smart smiles left")
        Predicate<Product> grammarBacked = bothHeard.or(product -> heardIn(grammarWords, fromGrammar, product)
                && (grammarShare(grammar, product) >= GRAMMAR_SURE || uncontested(grammar, free, product))
                && (freeProduct.filter(asked -> !asked.equals(product)).isEmpty()
                        || unsureWhere(grammar, free, product)));
        // a product the grammar decoder is certain of against everything else it could have heard ("[unk]" in a
        // question included) is stated, unless the free words name another product word for word ("the dog chewed
        // through his leash", heard by the grammar as "the dog toothbrush and leash")
        Predicate<Product> grammarCertain = product -> heardIn(grammarWords, fromGrammar, product)
                && grammarShare(grammar, product) >= GRAMMAR_CERTAIN
                && fromFree.products().stream().map(ProductMatch::product)
                        .noneMatch(named -> !named.equals(product) && saysWordForWord(free, named));
        if (grammarProduct.isPresent() && grammarBacked.test(grammarProduct.get())) {
            if (freeProduct.equals(grammarProduct) && fromFree.fit() == Interpretation.Fit.NAMED
                    && Understanding.asksPriceStockOrPlace(fromFree.normalized())
                    && !Understanding.asksPriceStockOrPlace(fromGrammar.normalized())) {
                // the same product named, and only the free words say what is asked of it: "is the table saw
                // available", heard by the grammar as "is the table saw any level" (a question of its place)
                return new Reading(free.text(), bothHeard.or(grammarCertain));
            }
            return new Reading(grammar.text(), bothHeard.or(grammarCertain));
        }
        if (!ANSWERS_NOTHING.contains(fromFree.intent())
                && (product(fromFree).isPresent() || grammarProduct.isEmpty()
                        || NOT_A_PRODUCT.contains(fromFree.intent()))) {
            return new Reading(free.text(), bothHeard);
        }
        if (fromFree.intent() == Intent.NOT_FOUND && (NEAREST_PHRASE.contains(fromGrammar.intent())
                || grammarProduct.isEmpty() && grammar.readings().get(0).unheard() > 0)) {
            // the free decoder heard something the store does not sell; the grammar's FAQ or department is only the
            // nearest store phrase: "bathroom tiles" heard as "bathroom aisle", "hearing aids" as "… any aids"; or
            // the grammar heard a question about something outside it ("where is the [unk]")
            return new Reading(free.text(), product -> false);
        }
        return new Reading(grammar.text(), bothHeard);
    }

    /** Whether an hours question names its day, rather than meaning today by naming none. */
    private static boolean namesDay(Interpretation hours) {
        return DayRequest.namedIn(hours.normalized());
    }

    /**
     * Whether the reading holds the product's name or an alias word for word (its content words, plurals folded):
     * then what the understanding made of the reading is what those words ask, not a slip of hearing.
     */
    static boolean saysWordForWord(Transcript reading, Product product) {
        return QueryText.wordsNamed(reading.text(), product.names()) > 0;
    }

    /**
     * Whether the grammar's best reading accounts for the whole utterance (no speech outside it) and says the
     * product's name where the free decoder heard nothing it is sure of: the free words overlapping the name in time
     * average at most {@link #FREE_UNSURE} of confidence, or there are none.
     */
    static boolean uncontested(Transcript grammar, Transcript free, Product product) {
        if (grammar.readings().get(0).unheard() > 0 || !grammar.readings().get(0).text().equals(grammar.text())) {
            return false;
        }
        return unsureWhere(grammar, free, product) && span(grammar.words(), product)
                .map(span -> Pronunciations.phones(words(span.said())).size() >= UNCONTESTED_PHONES).orElse(false);
    }

    /**
     * Whether the free decoder said the product's name or an alias ({@link #UNCONTESTED_PHONES} phones or more) in
     * words it stood by: their confidence averages {@link #FREE_CONFIDENT} or more. What the grammar made of the same
     * sounds does not matter then: the free decoder writes what it hears.
     */
    static boolean firmlyNamed(Transcript free, Product product) {
        return span(free.words(), product).filter(span -> span.confidence() >= FREE_CONFIDENT
                && Pronunciations.phones(words(span.said())).size() >= UNCONTESTED_PHONES).isPresent();
    }

    /**
     * Whether the free decoder's words overlapping in time the grammar's saying of the product's name average at
     * most {@link #FREE_UNSURE} of confidence, or there are none: it heard nothing there it stands by. Then the
     * product a free reading is understood to ask for instead ("got any he wraps left", "he" 0.35 and "wraps" 0.53,
     * for "heat wraps") does not veto the grammar's.
     */
    static boolean unsureWhere(Transcript grammar, Transcript free, Product product) {
        Optional<Span> span = span(grammar.words(), product);
        if (span.isEmpty()) {
            return false;
        }
        double start = span.get().start();
        double end = span.get().end();
        double[] there = free.words().stream()
                .filter(word -> word.startSeconds() < end && word.endSeconds() > start)
                .mapToDouble(kiosk.speech.Word::confidence).toArray();
        return there.length == 0 || java.util.Arrays.stream(there).average().orElse(0) <= FREE_UNSURE;
    }

    /**
     * Where words say a product's name: from {@code start} to {@code end} seconds, in the words {@code said}, with
     * their mean {@code confidence}.
     */
    private record Span(double start, double end, String said, double confidence) {
    }

    /** When the words say the product's name or an alias, the first time they do. */
    private static Optional<Span> span(List<kiosk.speech.Word> words, Product product) {
        List<String> texts = words.stream().map(word -> word.text().toLowerCase(Locale.ROOT)).toList();
        List<String> names = product.names();
        // the shortest run that says it, ending earliest
        for (int end = 1; end <= texts.size(); end++) {
            for (int start = end - 1; start >= 0; start--) {
                List<String> run = texts.subList(start, end);
                if (names.stream().anyMatch(name -> says(run, words(name)))) {
                    return Optional.of(new Span(words.get(start).startSeconds(), words.get(end - 1).endSeconds(),
                            String.join(" ", run), words.subList(start, end).stream()
                                    .mapToDouble(kiosk.speech.Word::confidence).average().orElse(0)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The share of the grammar decoder's readings' probability (their scores are log-likelihoods) held by the
     * readings that say the product's name or an alias; 0 with a single reading, which says nothing of how sure it is.
     */
    static double grammarShare(Transcript grammar, Product product) {
        List<kiosk.speech.Reading> readings = grammar.readings();
        if (readings.size() < 2) {
            return 0;
        }
        double top = readings.get(0).score();
        double all = 0;
        double naming = 0;
        for (kiosk.speech.Reading reading : readings) {
            double weight = Math.exp(reading.score() - top);
            all += weight;
            if (reading.unheard() == 0 && heardByName(words(reading.text()), product)) {
                naming += weight;
            }
        }
        return naming / all;
    }

    private static boolean heardIn(List<String> words, Interpretation meaning, Product product) {
        return product(meaning).filter(product::equals).isPresent() || heardByName(words, product);
    }

    private static Optional<Product> product(Interpretation meaning) {
        return meaning.intent().isProductQuestion() ? meaning.bestProduct().map(match -> match.product())
                : Optional.empty();
    }

    /** Whether the words say the product's name or one of its aliases, alike in sound. */
    static boolean heardByName(List<String> words, Product product) {
        List<String> names = product.names();
        return names.stream().anyMatch(name -> says(words, words(name)));
    }

    /**
     * Whether some run of {@code words} sounds like {@code name} (its filler words aside): the runs are compared
     * joined, so "sun bloke" says "sunblock" and "day time" says "daytime"; a run may be one word longer or shorter
     * than the name.
     */
    private static boolean says(List<String> words, List<String> name) {
        List<String> wanted = name.stream().filter(word -> !FILLER.contains(word)).toList();
        if (wanted.isEmpty()) {
            return false;
        }
        String joinedName = singular(String.join("", wanted));
        String namePhones = phoneString(wanted);
        for (int start = 0; start < words.size(); start++) {
            StringBuilder run = new StringBuilder();
            List<String> runWords = new ArrayList<>();
            for (int end = start; end < words.size() && end - start <= wanted.size(); end++) {
                if (!FILLER.contains(words.get(end)) || end > start) {
                    run.append(words.get(end));
                    runWords.add(words.get(end));
                }
                if (alike(singular(run.toString()), joinedName) || nearInPhones(phoneString(runWords), namePhones)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * One phone wrong, left out or added for every {@link #PHONES_PER_SLIP} of the name's: "any day will left" says
     * "dayquil", "got any to he wraps" says "heat wraps"; a name shorter than that must sound exactly.
     */
    private static boolean nearInPhones(String heard, String name) {
        int slips = name.length() / PHONES_PER_SLIP;
        return slips > 0 && !heard.isEmpty()
                && Math.abs(heard.length() - name.length()) <= slips
                && new LevenshteinDistance(slips).apply(heard, name) >= 0;
    }

    /** The words' phones, one character each, so that an edit distance counts phones. */
    private static String phoneString(List<String> words) {
        StringBuilder text = new StringBuilder();
        for (String phone : Pronunciations.phones(words)) {
            int index = PHONES.indexOf(phone);
            text.append(index < 0 ? '?' : (char) ('A' + index));
        }
        return text.toString();
    }

    /** The same letters, or the same sounds by Double Metaphone (both codes); short words must be the same. */
    static boolean alike(String heard, String wanted) {
        if (heard.equals(wanted)) {
            return true;
        }
        if (heard.length() < 4 || wanted.length() < 4) {
            return false;
        }
        return SOUND.isDoubleMetaphoneEqual(heard, wanted) || SOUND.isDoubleMetaphoneEqual(heard, wanted, true);
    }

    private static String singular(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1)
                : word;
    }

    /** The spoken words of a text ("25 ft" → "twenty five foot"), lower case. */
    static List<String> words(String text) {
        return Arrays.stream(SpokenForm.normalize(text).toLowerCase(Locale.ROOT).split("[^a-z']+"))
                .filter(word -> !word.isEmpty()).toList();
    }
}
