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
import kiosk.app.understanding.Intent;
import kiosk.app.understanding.Interpretation;
import kiosk.speech.SpokenForm;
import kiosk.speech.Transcript;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Which of the two decoders' readings of a spoken turn to understand, and which products it may state facts of. The
 * store-biased grammar decoder hears the store's phrases almost word for word, but forces whatever it hears into
 * them, and is sure of itself all the same: "where's the milk" came out as "where is the melt" at 0.98 confidence,
 * "I need to check my blood sugar" as "… blood shampoo" at 0.90. The free decoder writes what it hears, slips and all.
 *
 * <p>So: a product the grammar reading names is taken when the free decoder heard it too, by sound ("duck tape",
 * "sun bloke" for "sunblock"); otherwise the free reading is understood, as typed words are, when it asks something
 * the kiosk can answer; otherwise the grammar reading is, and a product only it heard is named back as a question
 * before any of its facts is said ("Did you say the Ice Melt?").
 */
public final class SpokenEvidence {

    private static final DoubleMetaphone SOUND = new DoubleMetaphone();
    static {
        SOUND.setMaxCodeLen(24); // whole names, not their first four sounds
    }
    /** Words of a product's name that carry no sound of it worth matching. */
    private static final Set<String> FILLER = Set.of("a", "an", "the", "and", "of", "for", "with", "in", "on", "to");
    /** Intents that answer nothing: a reading understood so is no better than the other one. */
    private static final Set<Intent> ANSWERS_NOTHING = Set.of(Intent.NOT_FOUND, Intent.NOT_UNDERSTOOD, Intent.CLARIFY);

    private SpokenEvidence() {
    }

    /** The text to understand and, for each product, whether the recognizer's evidence backs stating its facts. */
    public record Reading(String text, Predicate<Product> heardForSure) {
    }

    /** Weighs the readings of {@code heard}; {@code interpret} understands a text without answering it. */
    public static Reading weigh(Transcript heard, Function<String, Interpretation> interpret) {
        if (heard.source() == Transcript.Source.FREE) {
            return new Reading(heard.text(), product -> true);
        }
        Optional<Transcript> free = heard.rival()
                .filter(rival -> rival.source() == Transcript.Source.FREE && !rival.isEmpty());
        if (free.isEmpty()) {
            return new Reading(heard.text(), product -> false); // nothing but the grammar: confirm any product
        }
        List<String> freeWords = words(free.get().text());
        Predicate<Product> freeHeardIt = product -> heardByName(freeWords, product);
        Optional<Product> grammarProduct = product(interpret.apply(heard.text()));
        if (grammarProduct.isPresent() && freeHeardIt.test(grammarProduct.get())) {
            return new Reading(heard.text(), freeHeardIt);
        }
        Interpretation fromFree = interpret.apply(free.get().text());
        if (!ANSWERS_NOTHING.contains(fromFree.intent())
                && (product(fromFree).isPresent() || grammarProduct.isEmpty())) {
            return new Reading(free.get().text(), product -> true);
        }
        return new Reading(heard.text(), freeHeardIt);
    }

    private static Optional<Product> product(Interpretation meaning) {
        return meaning.intent().isProductQuestion() ? meaning.bestProduct().map(match -> match.product())
                : Optional.empty();
    }

    /** Whether the words say the product's name or one of its aliases, alike in sound. */
    static boolean heardByName(List<String> words, Product product) {
        List<String> names = new ArrayList<>();
        names.add(product.name());
        names.addAll(product.aliases());
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
        for (int start = 0; start < words.size(); start++) {
            StringBuilder run = new StringBuilder();
            for (int end = start; end < words.size() && end - start <= wanted.size(); end++) {
                if (!FILLER.contains(words.get(end)) || end > start) {
                    run.append(words.get(end));
                }
                if (alike(singular(run.toString()), joinedName)) {
                    return true;
                }
            }
        }
        return false;
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
