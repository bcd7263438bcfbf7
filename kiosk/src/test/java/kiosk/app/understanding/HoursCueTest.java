package kiosk.app.understanding;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "open" and "closed" ask the store's hours only when they are said of the store: said of a thing ("scared of open
 * flames", "half open bags of flour", "open boxes") or as a verb with an object they ask for a product.
 */
class HoursCueTest {

    @ParameterizedTest
    @ValueSource(strings = {"are you open on sunday", "what time do you open", "when do you close today",
            "are you open late on friday", "are you guys open christmas eve", "are you open weekends",
            "are you still open", "how late are you open", "is the store closed on mondays", "what are your hours"})
    void saidOfTheStoreItAsksTheHours(String question) {
        assertTrue(Cues.asksHours(question), question);
    }

    @ParameterizedTest
    @ValueSource(strings = {"i want candles but i am scared of open flames",
            "my pantry is full of half open bags of flour, is there something airtight",
            "are these pots sold in open boxes", "what can i use to open a tin", "something with an open back",
            "can you put the batteries in so it works when he opens it"})
    void saidOfAThingItAsksNoHours(String question) {
        assertFalse(Cues.asksHours(question), question);
    }
}
