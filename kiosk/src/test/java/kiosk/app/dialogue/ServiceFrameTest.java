package kiosk.app.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * "Can I get my bike tuned up here" begins as "can I get a bike lock" does, and asks no thing: a thing to be done
 * to something the shopper has, or a way of buying, is the store's service, which its FAQ answers.
 */
class ServiceFrameTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-10-06T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path folder;
    static StoreWrittenInTest shop;

    @BeforeAll
    static void load() throws IOException {
        shop = StoreWrittenInTest.write(folder, """
                name: Spokes and Pedals
                phone: "(555) 010-3390"
                address: 8 Canal Road, Dunmore
                hours:
                  mon: "09:00-18:00"
                departments:
                  Parts: [1]
                  Security: [2]
                  Clothing: [3]
                """, """
                sku,name,aliases,department,aisle,price,stock,description
                B1,Inner Tube 26 inch,bike tube,Parts,1,7.00,30,replaces a punctured tube
                B2,U-Lock with Cable,bike lock,Security,2,39.00,8,locks a bike to a rack
                B3,Chain Lube Dry,chain oil,Parts,1,9.50,14,keeps a bike chain running quietly
                B4,Rain Jacket Hi-Vis,rain jacket,Clothing,3,59.00,5,
                B5,Brake Pads Rim,brake pads,Parts,1,12.00,0,
                """, """
                - id: workshop
                  questions:
                    - do you repair bikes
                    - do you do tune ups
                  answer: Our workshop services any bike in two days for 60 dollars.
                - id: click-and-collect
                  questions:
                    - can I order online and pick up
                  answer: Order on our website and collect it at the counter the next day.
                """);
    }

    private static Reply ask(String question) throws IOException {
        return shop.ask(shop.conversation(NOW), question);
    }

    @Test
    void somethingOfTheShoppersToBeDoneIsTheWorkshopsAnswer() throws IOException {
        for (String question : new String[] {"can I get my bike tuned up here", "where can I get my brakes fixed"}) {
            Reply reply = ask(question);
            assertEquals("faq", reply.intent(), question + " -> " + reply.answer());
            assertTrue(reply.answer().contains("workshop"), question + " -> " + reply.answer());
        }
    }

    @Test
    void buyingOnlineToCollectHereIsTheCollectionAnswer() throws IOException {
        Reply reply = ask("can I buy it online and grab it here");
        assertEquals("faq", reply.intent(), reply.answer());
        assertTrue(reply.answer().contains("collect it at the counter"), reply.answer());
    }

    @Test
    void whereTheStoreIsAskedWithWhyAfterItIsItsAddressNotTheCollectionAnswer() throws IOException {
        // "where exactly is the store, I'm driving over": the collection answer's "pick it up" was nearer in meaning
        Reply reply = ask("where exactly is the shop, I'm on my way");
        assertEquals("store_contact", reply.intent(), reply.answer());
        assertTrue(reply.answer().contains("8 Canal Road"), reply.answer());
    }

    @Test
    void aThingToGetIsStillTheThing() throws IOException {
        // the frame's verbs with a thing after them and no work to be done: the product, as before
        Reply lock = ask("can I get a bike lock");
        assertTrue(lock.answer().contains("aisle 2"), lock.answer());
        Reply pads = ask("where can I get brake pads");
        assertTrue(pads.answer().contains("aisle 1"), pads.answer());
    }
}
