package kiosk.speech;

import java.util.HashSet;
import java.util.Set;

import com.sun.speech.freetts.Item;
import com.sun.speech.freetts.Relation;
import com.sun.speech.freetts.Utterance;
import com.sun.speech.freetts.UtteranceProcessor;
import com.sun.speech.freetts.Voice;

/**
 * Ends a number inside a product's name with a short break before the word after it, as a clerk reading a label
 * sets "twenty ‖ volts" apart: FreeTTS ran such a number into its neighbour and the listener lost it ("Battery twenty
 * volts" heard as "went evil", "Lumber two by four twelve feet" as "for well feet", "eight per pack" as "a per pack";
 * SpokenFactsRoundTripTest, BENCHMARKS.md). Numbers outside a name (an aisle after "number", a price after "for")
 * keep their timing: they were heard.
 *
 * <p>The break is 50 ms of silence after the number's last sound, except where that is a nasal: after "one" or
 * "ten" a silence is heard as a released "t" ("one gallon" came back as "want gallon"), so the nasal is held 50 ms
 * longer instead. No silence goes between a number and the "by" of a size ("twenty by twenty" became "went to by"):
 * "ten by twelve" is one size; only a nasal is held there. A pause before a number is not made: it lost the
 * number's onset ("twelve" heard as "well").
 *
 * <p>A number is in a name when the word before its first number word is capitalized and not ended by punctuation
 * (the catalog's names are, the kiosk's own words are not: "The Tarp ten by twelve in aisle number nineteen"), and
 * further number words, or "by" between two of them, continue it. A step of FreeTTS's pipeline right after its
 * durations are computed, so the number words keep {@link NumberProsody}'s stretch and the pitch contour is made on
 * the new times.
 */
final class NumberJunctures implements UtteranceProcessor {

    /** The silence after a name's number, and how much longer a final nasal is held instead, in seconds. */
    static final float BREAK_SECONDS = 0.05f;
    private static final Set<String> NASALS = Set.of("n", "m", "ng");
    private static final String PAUSE = "pau";
    private static final String BY = "by";
    private static final String TOKEN_OF_SEGMENT = "R:SylStructure.parent.parent.R:Token.parent";

    private NumberJunctures() {
    }

    /** Adds the step to the allocated voice's pipeline, right after its durations are computed. */
    static void install(Voice voice) {
        DurationSteps.install(voice, NumberJunctures.class, NumberJunctures::new, DurationSteps.Place.AFTER, "set a name's numbers apart in");
    }

    @Override
    public void processUtterance(Utterance utterance) {
        Relation segments = utterance.getRelation(Relation.SEGMENT);
        if (segments == null) {
            return;
        }
        Set<Item> inNames = numbersInNames(utterance);
        float added = 0;
        for (Item segment = segments.getHead(); segment != null; segment = segment.getNext()) {
            float end = segment.getFeatures().getFloat("end") + added;
            segment.getFeatures().setFloat("end", end);
            Item token = segment.findItem(TOKEN_OF_SEGMENT);
            if (token == null || !inNames.contains(token) || !endsItsWord(segment) || !wordFollows(token, segment)) {
                continue;
            }
            if (NASALS.contains(segment.getFeatures().getString("name"))) {
                added += BREAK_SECONDS;
                segment.getFeatures().setFloat("end", end + BREAK_SECONDS);
            } else if (!BY.equals(token.getNext().getFeatures().getString("name"))) {
                added += BREAK_SECONDS;
                Item pause = segment.appendItem(null);
                pause.getFeatures().setString("name", PAUSE);
                pause.getFeatures().setFloat("end", end + BREAK_SECONDS);
                segment = pause;
            }
        }
    }

    /** The tokens of the number words inside names. */
    static Set<Item> numbersInNames(Utterance utterance) {
        Set<Item> numbers = new HashSet<>();
        Relation tokens = utterance.getRelation(Relation.TOKEN);
        boolean inName = false;
        for (Item token = tokens == null ? null : tokens.getHead(); token != null; token = token.getNext()) {
            String word = token.getFeatures().getString("name");
            if (NumberProsody.isNumberWord(word)) {
                Item before = token.getPrevious();
                inName = inName || before != null && !endsWithPunctuation(before)
                        && Character.isUpperCase(before.getFeatures().getString("name").codePointAt(0));
                if (inName) {
                    numbers.add(token);
                }
            } else if (!(inName && BY.equals(word))) {
                inName = false;
            }
        }
        return numbers;
    }

    /** Whether another word, not a number word, follows in the same phrase, with no pause FreeTTS already made. */
    private static boolean wordFollows(Item token, Item lastSegment) {
        Item next = token.getNext();
        Item nextSegment = lastSegment.getNext();
        return next != null && !endsWithPunctuation(token) && nextSegment != null
                && !PAUSE.equals(nextSegment.getFeatures().getString("name"))
                && !NumberProsody.isNumberWord(next.getFeatures().getString("name"));
    }

    private static boolean endsWithPunctuation(Item token) {
        return token.getFeatures().isPresent("punc") && !token.getFeatures().getString("punc").isEmpty();
    }

    private static boolean endsItsWord(Item segment) {
        Item inSyllable = segment.getItemAs(Relation.SYLLABLE_STRUCTURE);
        return inSyllable != null && inSyllable.getNext() == null && inSyllable.getParent() != null
                && inSyllable.getParent().getNext() == null;
    }

    @Override
    public String toString() {
        return "NumberJunctures";
    }
}
