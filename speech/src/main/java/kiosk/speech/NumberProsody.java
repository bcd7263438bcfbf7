package kiosk.speech;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.sun.speech.freetts.Item;
import com.sun.speech.freetts.Relation;
import com.sun.speech.freetts.Utterance;
import com.sun.speech.freetts.UtteranceProcessor;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.cart.Durator;

/**
 * Says the words of a number a little slower than the words around them, as a clerk reading a price or an aisle
 * does: FreeTTS's quick, unstressed numbers ran into their neighbours ("aisle number twelve" heard as "numbered well",
 * "ten" as "to"; SpokenFactsRoundTripTest, BENCHMARKS.md). The rest of the reply keeps the voice's rate.
 *
 * <p>A step of FreeTTS's own pipeline, run just before its durations are computed: it marks each number word's token
 * with {@code local_duration_stretch}, the per-token factor FreeTTS's {@link Durator} multiplies the voice's duration
 * stretch by (the hook Flite's SSML prosody uses). A slower voice ("slower, please") stays slower on numbers too.
 */
final class NumberProsody implements UtteranceProcessor {

    /** How much longer a number word lasts: a quarter, enough for "twelve" to keep its "t" after "number". */
    static final float STRETCH = 1.25f;
    private static final String FEATURE = "local_duration_stretch";
    private static final Set<String> WORDS = numberWords();

    private NumberProsody() {
    }

    /** Adds the step to the allocated voice's pipeline, before its durations are computed. */
    static void install(Voice voice) {
        DurationSteps.install(voice, NumberProsody.class, NumberProsody::new, DurationSteps.Place.BEFORE, "stretch numbers in");
    }

    /** Whether a word is (part of) a number as the normalizer spells numbers: "twelve", "point", "quarters", "noon". */
    static boolean isNumberWord(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    @Override
    public void processUtterance(Utterance utterance) {
        Relation tokens = utterance.getRelation(Relation.TOKEN);
        for (Item token = tokens == null ? null : tokens.getHead(); token != null; token = token.getNext()) {
            if (isNumberWord(token.getFeatures().getString("name"))) {
                token.getFeatures().setFloat(FEATURE, STRETCH);
            }
        }
    }

    @Override
    public String toString() {
        return "NumberProsody";
    }

    /** The words {@link NumberWords} and the normalizer say numbers, times and sizes with. */
    private static Set<String> numberWords() {
        Set<String> words = new HashSet<>(Set.of("zero", "oh", "hundred", "thousand", "million", "billion", "trillion",
                "point", "half", "halves", "quarter", "quarters", "noon", "midnight"));
        for (int n = 1; n < 100; n++) {
            for (String word : NumberWords.cardinal(n).split(" ")) {
                words.add(word);
            }
            String[] ordinal = NumberWords.ordinal(Integer.toString(n)).split(" ");
            words.add(ordinal[ordinal.length - 1]);
            words.add(ordinal[ordinal.length - 1] + "s"); // "three sixteenths"
        }
        return Set.copyOf(words);
    }
}
