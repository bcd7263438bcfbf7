package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fractions and mixed numbers said and written by one rule: a size written in a catalog is said as a person reads it
 * ("1-1/2 inch" is "one and a half inch", never "one-half inch"), and the ways a shopper says it come back to the one
 * written form ("one and a half", "an inch and a half" and "1 1/2" are "1-1/2"), so what is asked is compared with
 * what is written.
 */
class FractionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PVC Elbow 1-1/2 inch|PVC Elbow one and a half inch",
            "PVC Elbow 1 1/2 inch|PVC Elbow one and a half inch",
            "PVC Elbow 1½ inch|PVC Elbow one and a half inch",
            "Wood Screws #8 x 1-1/4 inch|Wood Screws #8 x one and a quarter inch",
            "a 2-3/4 inch nail|a two and three quarters inch nail",
            "a 1-3/8 drill bit|a one and three eighths drill bit",
            "a 1-1/8 drill bit|a one and an eighth drill bit",
            "PVC Elbow 1/2 inch|PVC Elbow a half inch",
            "a 1/2 inch pipe|a one half inch pipe",
            "the 1/4 inch bolt|the one quarter inch bolt",
            "PVC Elbow 3/4 inch|PVC Elbow three quarters inch",
            "a ¾ inch elbow|a three quarters inch elbow",
            "a 3/4-inch pipe|a three quarter inch pipe",
            "Hex Bolt 3/8 x 3 inch|Hex Bolt three eighths x 3 inch",
            "Hex Bolt 5/16 x 2 inch|Hex Bolt five sixteenths x 2 inch",
            "Hex Bolt 1/4 x 1 inch|Hex Bolt a quarter x 1 inch",
            "Drill Bit 1/8 inch|Drill Bit an eighth inch",
            "1/5 share|one fifth share",
            "a 1/8 bit|a one eighth bit",
            "2/3 cup|two thirds cup",
            "1/3 cup|one third cup",
            "7/64 bit|seven sixty fourths bit",
            "1/2in pipe|a half in pipe",
            "3/0 ratio|three over zero ratio",
            "1234/5 parts|one thousand two hundred thirty four over five parts",
            "in aisle 12 for $4.99|in aisle 12 for $4.99",
    })
    void aWrittenFractionIsSaidAsAPersonReadsIt(String written, String said) {
        assertEquals(said, Fractions.speak(written));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "one and a half inch pipe|1-1/2 inch pipe",
            "one and one half inch pipe|1-1/2 inch pipe",
            "an inch and a half elbow|1-1/2 inch elbow",
            "one inch and a half elbow|1-1/2 inch elbow",
            "inch and a quarter screws|1-1/4 inch screws",
            "two and three quarters inch nails|2-3/4 inch nails",
            "two and three quarter inch nails|2-3/4 inch nails",
            "half inch plywood|1/2 inch plywood",
            "a half inch elbow|1/2 inch elbow",
            "one half inch elbow|1/2 inch elbow",
            "the three quarter inch plywood|the 3/4 inch plywood",
            "three quarters inch|3/4 inch",
            "three fourths inch|3/4 inch",
            "a quarter inch bolt|1/4 inch bolt",
            "quarter inch bolt|1/4 inch bolt",
            "three eighth bolt|3/8 bolt",
            "three eighths bolt|3/8 bolt",
            "an eighth inch bit|1/8 inch bit",
            "five sixteenths by two inch|5/16 by two inch",
            "seven sixty fourths bit|7/64 bit",
            "twenty one thirty seconds|21/32",
            "one third cup|1/3 cup",
            "two thirds cup|2/3 cup",
            "skim milk half gallon|skim milk 1/2 gallon",
            "twelve and a half feet|12-1/2 feet",
    })
    void aSaidFractionIsWrittenBack(String said, String written) {
        assertEquals(written, Fractions.write(said));
    }

    /** Words that name a part, a place in a row or a time, said of no size. */
    @ParameterizedTest
    @ValueSource(strings = {"where is the half and half", "is it the third one", "are you open on the fourth of july",
            "one second please", "are the batteries half off", "do you take quarters", "three halves",
            "the twenty first of may", "wait thirty seconds", "the second shelf", "where is the duct tape",
            "is the first aid kit in stock", "a third option", "the half price shelf"})
    void wordsThatAreNoFractionAreKept(String words) {
        assertEquals(words, Fractions.write(words));
    }

    /** Every way of writing a size ends as one written form, said on the way: "1 1/2" and "1½" are "1-1/2". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1 1/2|1-1/2", "1½|1-1/2", "3/4-inch|3/4 inch", "¾|3/4", "2 ⅜ inch|2-3/8 inch",
            "1-1/4|1-1/4", "5/16 x 2|5/16 x two"})
    void everyWrittenFormComesBackAsOne(String written, String canonical) {
        assertEquals(canonical, Fractions.write(SpokenForm.normalize(written)));
    }

    /** Said by the rule and read back by it, every size a store writes is itself again. */
    @ParameterizedTest
    @MethodSource("storeSizes")
    void everySizeSaidIsReadBackAsWritten(String written) {
        String said = SpokenForm.normalize(written);
        assertTrue(said.chars().noneMatch(Character::isDigit), said);
        assertEquals(written, Fractions.write(said), said);
    }

    static Stream<String> storeSizes() {
        List<String> sizes = new ArrayList<>();
        for (int denominator : new int[] {2, 3, 4, 8, 16, 32, 64}) {
            for (int numerator = 1; numerator < denominator; numerator++) {
                for (int whole = 0; whole <= 3; whole++) {
                    sizes.add((whole > 0 ? whole + "-" : "") + numerator + "/" + denominator);
                }
            }
        }
        return sizes.stream();
    }

    @Test
    void aMixedNumberIsSaidWithItsWholeAndItsPart() {
        Fractions.Fraction inchAndAHalf = new Fractions.Fraction(1, 1, 2);
        assertEquals("one and a half", inchAndAHalf.spoken(false));
        assertEquals("1-1/2", inchAndAHalf.written());
        assertEquals("three quarters", new Fractions.Fraction(0, 3, 4).spoken(false));
        assertEquals("three quarter", new Fractions.Fraction(0, 3, 4).spoken(true));
        assertEquals("3/4", new Fractions.Fraction(0, 3, 4).written());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-1/2", "3/4", "12-7/16", "1/64"})
    void aWrittenFractionIsKnownAsOne(String token) {
        assertTrue(Fractions.isWritten(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1/2/3/4", "3//4", "1-/2", "9:30", "1.5", "12", "half"})
    void anythingElseIsNoWrittenFraction(String token) {
        assertEquals(false, Fractions.isWritten(token));
    }
}
