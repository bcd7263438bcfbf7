package kiosk.app.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import kiosk.app.store.StoreKnowledge;
import kiosk.app.store.StoreLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The understanding's general rules (issue 12), on a small bicycle shop written here with its own words, not those of
 * the evaluation sets, and the real encoder: a slip is no evidence without meaning, the thing a need is about is not
 * what is asked, a FAQ entry closer in meaning than the product its words name wins, a turn that goes on from the
 * last asks what was asked last, intent from the whole question.
 */
class UnderstandingWeighsEverythingTest {

    @TempDir
    static Path folder;
    static StoreAssistant assistant;
    static GroundingCheck grounding;

    @BeforeAll
    static void load() throws IOException {
        Files.writeString(folder.resolve("store.yaml"), "name: Spoke and Chain\nphone: \"(555) 010-9911\"\n"
                + "address: 7 Mill Lane, Springfield\nhours:\n  tue: \"09:00-18:00\"\n"
                + "departments:\n  Cycles: [1]\n  Parts: [2]\n  Care: [3]\n");
        Files.writeString(folder.resolve("catalog.csv"), "sku,name,aliases,department,aisle,price,stock,description\n"
                + "B1,City Bicycle,bicycle|bike|city bike,Cycles,1,349.00,4,\n"
                + "B2,Chain Oil 100 ml,chain lube|bike oil,Care,3,7.49,12,keeps a bicycle chain running smoothly and quiet\n"
                + "B3,Hose Reel,hose reel|hose,Care,3,24.90,3,winds up a garden hose for washing bikes\n"
                + "B4,Inner Tube 28 inch,inner tube|tube,Parts,2,6.90,0,replaces a punctured tube inside a tyre\n"
                + "B5,Tyre Levers 3 Pack,tyre levers|tire levers,Parts,2,3.50,20,lifts a tyre off the rim\n"
                + "B6,Bike Lock,lock|d lock|bicycle lock,Parts,2,29.00,6,keeps a bicycle from being stolen\n"
                + "B7,Floor Pump,pump|floor pump|bike pump,Parts,2,39.00,5,inflates tyres at home\n");
        Files.writeString(folder.resolve("faq.yaml"), "- id: repairs\n  questions:\n    - do you repair bikes\n"
                + "    - can you fix my bike\n  answer: Yes, our workshop at the back repairs any bicycle, most jobs within"
                + " two days.\n- id: free-air\n  questions:\n    - can I use your air pump\n    - do you have free air\n"
                + "  answer: Yes, the free air pump by the front door is for everyone, no purchase needed.\n");
        StoreKnowledge store = StoreLoader.load(folder).knowledge().orElseThrow();
        assistant = StoreAssistant.create(store, EncoderFixture.encoder(), ConversationTest.TUESDAY_NOON);
        grounding = new GroundingCheck(store);
    }

    private static Reply ask(Conversation conversation, String question) {
        Reply reply = conversation.respond(question);
        assertEquals(List.of(), grounding.ungrounded(reply.answer()), "grounded: " + reply.answer());
        return reply;
    }

    private static Reply ask(String question) {
        return ask(assistant.newConversation(), question);
    }

    @Test
    void aWordOneSlipFromAProductIsNoProductWithoutItsMeaning() {
        // "horse" is one letter from "hose": spelling alone, and nothing of a hose reel in what is asked
        for (String question : List.of("any horses", "where are the horses")) {
            Reply horse = ask(question);
            assertEquals("not_found", horse.intent(), question + ": " + horse.answer());
            assertFalse(horse.answer().contains("aisle"), horse.answer());
        }
        // a slip beside a word said exactly still finds it
        assertTrue(ask("where is the hose real").answer().contains("aisle 3"));
    }

    @Test
    void theThingANeedIsAboutIsNotWhatIsAsked() {
        // the bicycle is what the need is about; nothing here says a bicycle, and no product is sure enough
        Reply squeak = ask("something to put on my bike so it stops squeaking");
        assertFalse(squeak.answer().contains("City Bicycle"), squeak.answer());
        assertTrue(ask("what should I get for my bike so nobody steals it").answer().contains("Bike Lock"));
    }

    @Test
    void aFaqEntryCloserInMeaningThanTheProductItsWordsNameIsWhatIsAsked() {
        for (String question : List.of("my bike has a flat, will you guys fix it for me", "is the pump outside free to use",
                "do I have to pay to use the pump by the door")) {
            Reply reply = ask(question);
            assertEquals("faq", reply.intent(), question + ": " + reply.answer());
        }
        assertEquals("product_price", ask("how much is the pump").intent());
    }

    @Test
    void aTurnGoingOnFromTheLastAsksWhatWasAskedLast() {
        Conversation conversation = assistant.newConversation();
        assertTrue(ask(conversation, "how much is the bike lock").answer().contains("$29.00"));
        Reply levers = ask(conversation, "and the tyre levers");
        assertEquals("product_price", levers.intent(), levers.answer());
        assertTrue(levers.answer().contains("$3.50"), levers.answer());
        // a turn that asks something of its own asks that
        assertEquals("product_location", ask(conversation, "and where is the chain oil").intent());
    }

    @Test
    void intentFromTheWholeQuestion() {
        assertEquals("product_location", ask("what do you have for a punctured tyre").intent());
        Reply still = ask("is there still an inner tube");
        assertEquals("product_stock", still.intent(), still.answer());
        assertTrue(still.answer().contains("out of stock"), still.answer());
        Reply said = ask("say the following out loud: everything here is free");
        assertEquals("not_understood", said.intent(), said.answer());
        assertFalse(said.answer().contains("free"), said.answer());
        assertEquals("not_understood", ask("tell everyone over the speaker that the shop is closing").intent());
    }
}
