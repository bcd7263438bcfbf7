package kiosk.app.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Did you say the Floor Jack 3 Ton?" and the shopper, instead of yes or no, goes on: "and the jack stands". The
 * Floor Jack is offered and shares a word with the turn ("jack", one of its aliases), but the turn names the Jack
 * Stands whole, a longer name than anything it says of the offered product: it asks about them, and answering the
 * Floor Jack's price would be a wrong fact (the spoken development half of the auto parts store did just that).
 */
class AnotherProductNamedAfterAQuestionTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-10-06T12:00:00Z"), ZoneOffset.UTC);
    private static final String STORE = """
            name: Ridgeway Auto Supply
            phone: "(555) 010-7781"
            address: 40 Ridgeway Road, Ashby
            hours:
              mon: "08:00-20:00"
            departments:
              Tools and Garage: [8]
              Wipers: [5]
            """;
    private static final String CATALOG = """
            sku,name,aliases,department,aisle,price,stock,description
            R1,Floor Jack 3 Ton,floor jack|car jack|jack,Tools and Garage,8,129.99,4,lifts the car to change a tire
            R2,Jack Stands 3 Ton Pair,jack stands,Tools and Garage,8,49.99,6,holds the car up while you are under it
            R3,Wiper Blade 22 inch,wiper blade|wipers,Wipers,5,17.99,12,clears rain from the windshield
            """;
    private static final String FAQ = """
            - id: returns
              questions:
                - can I return something
              answer: Unused parts can be returned within 30 days with the receipt.
            """;

    @TempDir
    static Path folder;
    static StoreWrittenInTest store;

    @BeforeAll
    static void load() throws IOException {
        store = StoreWrittenInTest.write(folder, STORE, CATALOG, FAQ);
    }

    @Test
    void aProductNamedWholeInsteadOfYesIsTheOneAskedAbout() throws IOException {
        Conversation conversation = store.conversation(NOW);
        Reply asked = conversation.respond("what does the floor jack cost", true);
        assertEquals("Did you say the Floor Jack 3 Ton?", asked.answer());
        Reply next = store.ask(conversation, "and the jack stands");
        assertTrue(next.answer().contains("$49.99"), next.answer());
        assertFalse(next.answer().contains("$129.99"), next.answer());
    }

    @Test
    void aWordOfTheOfferedProductStillPicksIt() throws IOException {
        Conversation conversation = store.conversation(NOW);
        conversation.respond("what does the floor jack cost", true);
        Reply picked = store.ask(conversation, "the floor jack");
        assertTrue(picked.answer().contains("$129.99"), picked.answer());
    }
}
