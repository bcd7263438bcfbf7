package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.sun.speech.freetts.Item;
import com.sun.speech.freetts.Relation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's voice sets a number inside a product's name apart from the word after it (a short silence, or a held
 * nasal) and says everything else as FreeTTS's own kevin16 does: the same voice, with and without the step,
 * measured in samples (the synthesis is deterministic).
 */
class NumberJuncturesTest {

    /** One break, in samples of the 16 kHz voice. */
    private static final int BREAK = Math.round(NumberJunctures.BREAK_SECONDS * 16_000);
    /** FreeTTS cuts its audio at pitch marks, so a break lands within about a pitch period of its length. */
    private static final int SLACK = 200;

    private static KevinVoicePair voices;

    @BeforeAll
    static void voices() {
        voices = KevinVoicePair.installing(NumberJunctures::install);
    }

    @AfterAll
    static void release() {
        voices.close();
    }

    private static int added(String text) {
        return voices.changed(text) - voices.plain(text);
    }

    /**
     * A held nasal: in FreeTTS's diphone timing the audio grows by
     * about twice the hold (1,480 to 1,720 samples measured for 800), never by less than one break.
     */
    private static void assertHeldNasals(int nasals, int breaks, String text) {
        int added = added(text) - breaks * BREAK;
        assertTrue(added >= nasals * (BREAK - SLACK) && added <= nasals * (2 * BREAK + SLACK),
                text + ": " + added + " samples added beyond " + breaks + " breaks, for " + nasals + " held nasals");
    }

    private static void assertBreaks(int breaks, String text) {
        int added = added(text);
        assertTrue(Math.abs(added - breaks * BREAK) <= SLACK,
                text + ": " + added + " samples added, expected " + breaks + " breaks of " + BREAK);
    }

    @Test
    void aNamesNumberIsSetApartFromTheWordAfterIt() {
        assertBreaks(1, "The Cordless Drill Battery twenty volts in aisle number five");
        assertBreaks(1, "The Lumber two by four twelve feet in aisle number nine");
    }

    @Test
    void aNasalIsHeldRatherThanCutBySilence() {
        // "one" and "ten" end in "n": held, not followed by silence (heard as "want")
        assertHeldNasals(1, 0, "The Interior Paint Navy Blue one gallon in aisle number twelve");
        assertHeldNasals(1, 0, "The Hooks ten per Pack in aisle number eight");
        // "ten" is held before "by", "twelve" is set apart from "in"
        assertHeldNasals(1, 1, "The Tarp ten by twelve in aisle number nineteen");
    }

    @Test
    void theSilenceFollowsAnOralSoundAndNeverANasal() {
        List<String> battery = segments("The Battery twenty volts in aisle five");
        assertEquals(List.of("iy", "pau", "v"), battery.subList(battery.indexOf("v") - 2, battery.indexOf("v") + 1));
        List<String> paint = segments("The Paint one gallon in aisle five");
        assertEquals(List.of("n", "g"), paint.subList(paint.indexOf("g") - 1, paint.indexOf("g") + 1));
    }

    /** The segments FreeTTS says the text with, the step installed: "pau" where it is silent. */
    private static List<String> segments(String text) {
        List<String> names = new ArrayList<>();
        KevinVoicePair.watching(text, NumberJunctures::install, utterance -> {
            for (Item s = utterance.getRelation(Relation.SEGMENT).getHead(); s != null; s = s.getNext()) {
                names.add(s.getFeatures().getString("name"));
            }
        });
        return names;
    }

    @Test
    void noSilenceBetweenASizesNumberAndBy() {
        // only after the size's last number: "twenty by twenty" with a pause before "by" was heard "went to by"
        assertBreaks(1, "The Furnace Filter twenty by twenty in aisle number twenty two");
    }

    @Test
    void numbersOutsideNamesAndBeforePausesKeepTheVoicesTiming() {
        assertEquals(0, added("The Paint Thinner in aisle number twelve sells for nine dollars and ninety seven cents"));
        assertEquals(0, added("On Monday we're open from eight A M to nine P M"));
        // a comma already makes FreeTTS pause: nothing is added after it, nor to a number after one
        assertEquals(0, added("The Coin Cell Battery C R two zero three two, in aisle number four"));
        assertEquals(0, added("The Terracotta Pot, twenty centimeters"));
    }
}
