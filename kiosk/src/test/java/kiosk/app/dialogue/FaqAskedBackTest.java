package kiosk.app.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A question nobody wrote down that is somewhat like a FAQ entry and like nothing else the store knows is asked back
 * in the entry's own words, not refused as a thing the store does not sell; "yes" gets the answer, "no" a person
 * offered.
 */
class FaqAskedBackTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-10-06T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path folder;
    static StoreWrittenInTest shop;

    @BeforeAll
    static void load() throws IOException {
        shop = StoreWrittenInTest.write(folder, """
                name: Fairlight Hardware
                phone: "(555) 010-4410"
                address: 2 Quay Lane, Dunmore
                hours:
                  mon: "08:00-18:00"
                departments:
                  Tools: [1]
                  Paint: [2]
                  Garden: [3]
                """, """
                sku,name,aliases,department,aisle,price,stock,description
                F1,Claw Hammer 16 oz,hammer,Tools,1,18.00,12,drives and pulls nails
                F2,Interior Paint White 1 gal,white paint,Paint,2,32.00,9,covers walls and ceilings
                F3,Garden Hose 50 ft,hose,Garden,3,29.00,4,waters the garden
                F4,Key Blank Standard,key blank,Tools,1,2.50,80,
                """, """
                - id: returns
                  questions:
                    - can I return something
                    - what is your return policy
                  answer: Bring it back within 30 days with the receipt for a full refund.
                - id: key-cutting
                  questions:
                    - do you cut keys
                    - can I get a spare made for my car
                  answer: Keys are cut while you wait at the tool counter.
                - id: paint-mixing
                  questions:
                    - can you mix paint colors
                  answer: The paint desk mixes any colour in five minutes.
                """);
    }

    @Test
    void askedBackInTheEntrysWordsAndYesGetsItsAnswer() throws IOException {
        Conversation conversation = shop.conversation(NOW);
        Reply asked = shop.ask(conversation, "the thing I bought last week is broken, what now");
        assertEquals("clarify", asked.intent(), asked.answer());
        assertTrue(asked.answer().contains("Do you mean: can I return something?"), asked.answer());
        assertFalse(asked.answer().contains("broken"), "the shopper's words are not read back: " + asked.answer());
        assertFalse(StoreWrittenInTest.FACT.matcher(asked.answer()).find(), asked.answer());
        Reply yes = shop.ask(conversation, "yes");
        assertEquals("faq", yes.intent(), yes.answer());
        assertEquals("Bring it back within 30 days with the receipt for a full refund.", yes.answer());
    }

    @Test
    void noOffersAPersonAndYesThenCallsOne() throws IOException {
        Conversation conversation = shop.conversation(NOW);
        Reply asked = shop.ask(conversation, "can someone make my car key work again");
        assertEquals("clarify", asked.intent(), asked.answer());
        Reply no = shop.ask(conversation, "no");
        assertFalse(no.answer().contains("30 days"), no.answer());
        assertTrue(no.answer().contains("team member"), no.answer());
        Reply yes = shop.ask(conversation, "yes please");
        assertEquals("call_staff", yes.intent(), yes.answer());
        assertTrue(yes.escalate());
    }

    @Test
    void aServiceAskedOfSomeoneSomewhatLikeTwoEntriesIsAskedBackInTheClosersPhrasing() throws IOException {
        // like key cutting and a little less like paint mixing: which one is asked
        Conversation conversation = shop.conversation(NOW);
        Reply asked = shop.ask(conversation, "can someone make me a key in a different colour");
        assertEquals("clarify", asked.intent(), asked.answer());
        assertTrue(asked.answer().contains("Do you mean: do you cut keys?")
                || asked.answer().contains("Do you mean: can I get a spare made for my car?"), asked.answer());
        Reply yes = shop.ask(conversation, "yes");
        assertEquals("Keys are cut while you wait at the tool counter.", yes.answer());
        // like no entry at all: a person is called to do it
        Reply loaded = shop.ask(shop.conversation(NOW), "could someone load these bags of soil into my truck");
        assertEquals("call_staff", loaded.intent(), loaded.answer());
    }

    @Test
    void oneEntrySomewhatLikeTheQuestionWithNoOtherNearIsAnswered() throws IOException {
        // nothing else near: no choice to ask, so the entry's answer (asked back before FaqMatch.lead was weighed)
        Reply copied = shop.ask(shop.conversation(NOW), "could someone copy my front door key");
        assertEquals("faq", copied.intent(), copied.answer());
        assertEquals("Keys are cut while you wait at the tool counter.", copied.answer());
        // the shopper's way of asking for a return the store writes of
        Reply swap = shop.ask(shop.conversation(NOW), "can I swap this for something else");
        assertEquals("faq", swap.intent(), swap.answer());
        assertTrue(swap.answer().contains("30 days"), swap.answer());
    }

    @Test
    void aThingTheStoreLacksIsStillSaidNotSold() throws IOException {
        for (String question : List.of("do you have gift cards", "is there a bathroom", "where is the cash machine")) {
            Reply reply = shop.ask(shop.conversation(NOW), question);
            assertEquals("not_found", reply.intent(), question + " -> " + reply.answer());
        }
    }
}
