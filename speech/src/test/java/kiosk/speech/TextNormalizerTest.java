package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The drill is $8.98.|The drill is eight dollars ninety eight.",
            "It costs $5.|It costs five dollars.",
            "Only $0.99 today|Only ninety nine cents today",
            "That's $1,299.00|That's one thousand two hundred ninety nine dollars",
            "It's in aisle 12.|It's in aisle twelve.",
            "A 9V battery|A nine volt battery",
            "AA batteries and AAA batteries|double A batteries and triple A batteries",
            "We close at 21:00.|We close at nine p.m.",
            "We open at 08:30|We open at eight thirty a.m.",
            "Lunch at 12:00, done by 00:00|Lunch at noon, done by midnight",
            "Open 08:00-21:00 daily|Open eight a.m. to nine p.m. daily",
            "We close at 9 p.m.|We close at nine p.m.",
            "Doors open 10am|Doors open ten a.m.",
            "Save 20% on paint|Save twenty percent on paint",
            "A 25 ft hose|A twenty five foot hose",
            "The 2nd shelf|The second shelf",
            "Tools & hardware|Tools and hardware",
            "Opens at 7:05|Opens at seven oh five a.m.",
    })
    void readsFactsTheWayAPersonSaysThem(String text, String spoken) {
        assertEquals(spoken, normalizer.normalize(text));
    }

    @Test
    void splitsSentencesButNotAbbreviationsOrPrices() {
        assertEquals(List.of("The drill is eight dollars ninety eight.", "It's in aisle five!", "Anything else?"),
                normalizer.sentences(normalizer.normalize("The drill is $8.98. It's in aisle 5! Anything else?")));
        assertEquals(List.of("We're on Maple St. by the park.", "Come by."),
                normalizer.sentences("We're on Maple St. by the park. Come by."));
        assertEquals(List.of("Open until nine p.m. on Friday."), normalizer.sentences("Open until nine p.m. on Friday."));
    }
}
