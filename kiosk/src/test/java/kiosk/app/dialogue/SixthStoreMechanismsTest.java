package kiosk.app.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mechanisms the sixth evaluation store (a sporting goods shop, issue 12) was improved with, checked on a kitchen
 * shop written here with its own words and the real encoder.
 */
class SixthStoreMechanismsTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-10-06T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path folder;
    static StoreWrittenInTest shop;

    @BeforeAll
    static void load() throws IOException {
        shop = StoreWrittenInTest.write(folder, """
                name: Larder Lane Kitchenware
                phone: "(555) 010-7731"
                address: 9 Larder Lane, Ashby
                hours:
                  mon: "09:00-18:00"
                  sat: "10:00-16:00"
                  sun: closed
                departments:
                  Appliances: [1]
                  Textiles: [2]
                  Books: [3]
                  Knives: [4]
                  Gifts: [5]
                """, """
                sku,name,aliases,department,aisle,price,stock,description
                K1,Hand Blender,stick blender,Appliances,1,39.00,6,purees soup right in the pot
                K2,Countertop Blender,big blender|smoothie blender,Appliances,1,89.00,3,crushes ice for smoothies
                K3,Adult Apron,apron,Textiles,2,15.00,10,
                K4,Kids Apron,kids apron|child apron,Textiles,2,9.00,8,
                K5,Kids Cookbook,kids cookbook,Books,3,12.00,5,
                K6,Chef Knife 8 inch,chef knife|knife,Knives,4,59.00,4,
                K7,Knife Sharpener,sharpener|knife sharpener,Knives,4,18.00,9,puts the edge back on a dull blade
                K8,Kids Knife Set,kids knives,Knives,4,19.00,0,
                K9,Cutting Board 12 inch,chopping board|cutting board,Knives,4,14.00,6,
                K10,Bamboo Cutting Board 18 inch,bamboo board,Knives,4,26.00,0,
                K11,Pocket Binoculars,binoculars,Gifts,5,45.00,3,for watching birds and wildlife far away
                """, """
                - id: sharpening
                  questions:
                    - do you sharpen knives
                  answer: Knives are sharpened at the counter for 5 dollars each.
                - id: parking
                  questions:
                    - where can I park
                  answer: Park for free in the lot behind the shop.
                """);
    }

    /** The answers of one conversation, each checked to say only the store's facts. */
    private static List<Reply> session(String... questions) throws IOException {
        Conversation conversation = shop.conversation(NOW);
        return Arrays.stream(questions).map(question -> shop.ask(conversation, question)).toList();
    }

    @Test
    void theOneForSomeonePicksTheVariantOfTheKindJustDiscussed() throws IOException {
        // "the one for kids" after the apron is the kids' apron, not the kids' cookbook or knives, and its price
        Reply kids = session("how much is the apron", "the one for kids").get(1);
        assertTrue(kids.answer().contains("Kids Apron") && kids.answer().contains("$9.00"), kids.answer());
    }

    @Test
    void theOneForAThingTheProductIsForIsTheProductJustDiscussed() throws IOException {
        // "the one for my knife" after the sharpener asks the sharpener's price again, not where the chef knife is
        Reply same = session("how much is the knife sharpener", "the one for my knife").get(1);
        assertTrue(same.answer().contains("Knife Sharpener") && same.answer().contains("$18.00"), same.answer());
    }

    @Test
    void theBigOneAfterAPriceAsksThePriceAgain() throws IOException {
        // the countertop blender is the store's "big blender": "the big one" asks nothing new of it, so its price
        Reply big = session("how much is the countertop blender", "the big one").get(1);
        assertTrue(big.answer().contains("Countertop Blender") && big.answer().contains("$89.00"), big.answer());
    }

    @Test
    void twoProductsWhoseNamesSayTheKindAskedForAreAskedAboutThenPickedBySize() throws IOException {
        // "cutting board" is the 12 inch one's alias, but both are cutting boards: which one only the shopper knows
        List<Reply> replies = session("how much is the cutting board", "the bigger one");
        assertEquals("clarify", replies.get(0).intent(), replies.get(0).answer());
        assertTrue(replies.get(0).answer().contains("Cutting Board 12 inch")
                && replies.get(0).answer().contains("Bamboo Cutting Board 18 inch"), replies.get(0).answer());
        assertTrue(replies.get(1).answer().contains("$26.00"), replies.get(1).answer());
        Reply smaller = session("how much is the cutting board", "the small one").get(1);
        assertTrue(smaller.answer().contains("$14.00"), smaller.answer());
    }

    @Test
    void theKindsOneAisleIsSaidWithoutAskingWhichOne() throws IOException {
        // both boards are in aisle 4 (one out of stock): where they are needs no choice
        Reply where = session("where are the cutting boards").get(0);
        assertTrue(where.answer().contains("aisle 4") && !where.intent().equals("clarify"), where.answer());
    }

    @Test
    void aProductThatOnlyHoldsTheWordsIsAnotherKind() throws IOException {
        // "knife" names the chef knife and the kids' knife set, never the knife sharpener
        Reply knife = session("how much is the knife").get(0);
        assertTrue(!knife.answer().contains("Sharpener"), knife.answer());
    }

    @Test
    void aPurposeFarCloserThanAnyFaqEntryIsTheProductsNotTheFaqsSharingAWord() throws IOException {
        // "park" is the parking entry's word, but watching wildlife far away is what the binoculars are for
        Reply ducks = session("I like watching wildlife far away in the park").get(0);
        assertTrue(ducks.answer().contains("Binoculars") && ducks.answer().contains("aisle 5"), ducks.answer());
        // the parking question itself is still the FAQ's
        assertEquals("faq", session("where can I park my car").get(0).intent());
    }

    @Test
    void aDayNamedAfterAnHoursAnswerAsksTheSameOfThatDay() throws IOException {
        List<Reply> replies = session("what time do you close on monday", "and on saturday");
        assertTrue(replies.get(0).answer().contains("6 p.m."), replies.get(0).answer());
        assertEquals("store_hours", replies.get(1).intent(), replies.get(1).answer());
        assertTrue(replies.get(1).answer().contains("4 p.m."), replies.get(1).answer());
    }
}
