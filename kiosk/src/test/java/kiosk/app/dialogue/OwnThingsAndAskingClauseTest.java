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

import kiosk.app.store.FaqEntry;
import kiosk.app.understanding.FaqMatcher;
import kiosk.app.understanding.QueryText;
import kiosk.model.SentenceEncoder;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policy and service questions that name a thing the shopper already has ("can you hang my tv on the wall", "where
 * can I get rid of an old printer") ask the store's service, not where its TV Wall Mount or printer is; a FAQ entry is
 * as close as the closest of its phrasings and its answer; and a story before the question ("the milk I bought was
 * sour, can I get a refund") does not outweigh the clause that asks.
 */
class OwnThingsAndAskingClauseTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-10-06T12:00:00Z"), ZoneOffset.UTC);

    private static final FaqEntry DELIVERY = new FaqEntry("delivery", List.of("do you deliver", "can you deliver a tv"),
            "We deliver TVs and other large items within 20 miles for 39 dollars, and can mount a TV on your wall for"
                    + " 99 dollars.");

    @TempDir
    static Path folder;
    static StoreWrittenInTest shop;

    @BeforeAll
    static void load() throws IOException {
        shop = StoreWrittenInTest.write(folder, """
                name: Corner Electric and Grocer
                phone: "(555) 010-7781"
                address: 3 Mill Lane, Ashby
                hours:
                  mon: "08:00-20:00"
                departments:
                  TV: [4]
                  Office: [6]
                  Dairy: [9]
                """, """
                sku,name,aliases,department,aisle,price,stock,description
                E1,TV Wall Mount,tv bracket,TV,4,49.00,12,holds a flat screen tv on the wall
                E2,Laser Printer Mono,printer,Office,6,129.00,3,prints black and white pages
                E3,Printer Paper 500 Sheets,copy paper,Office,6,8.00,40,
                G1,Whole Milk 1 Gallon,milk,Dairy,9,3.49,25,
                """, """
                - id: delivery
                  questions:
                    - do you deliver
                    - can you deliver a tv
                  answer: We deliver TVs and other large items within 20 miles for 39 dollars, and can mount a TV on your wall for 99 dollars.
                - id: recycling
                  questions:
                    - do you recycle old electronics
                    - where can I drop off old batteries
                  answer: Old electronics and batteries go in the recycling bins by the entrance, free of charge.
                - id: returns
                  questions:
                    - can I return something
                    - what is your return policy
                  answer: Unopened items can be returned within 30 days with the receipt; fresh food you are not happy with is refunded at the service desk.
                - id: bottle-return
                  questions:
                    - can I return bottles
                    - where is the bottle return
                  answer: Bring empty cans and bottles to the machines by the entrance for your deposit back.
                """);
    }

    private static Reply ask(String question) throws IOException {
        return shop.ask(shop.conversation(NOW), question);
    }

    @Test
    void theShoppersOwnThingAskedToBeWorkedOnIsTheServiceNotTheProduct() throws IOException {
        Reply mount = ask("can you hang my tv on the wall");
        assertEquals("faq", mount.intent(), mount.answer());
        assertTrue(mount.answer().contains("99 dollars"), mount.answer());
        Reply printer = ask("where can I get rid of an old printer");
        assertEquals("faq", printer.intent(), printer.answer());
        assertTrue(printer.answer().contains("recycling bins"), printer.answer());
    }

    @Test
    void aThingAskedForAfterTheSameVerbsIsStillTheThing() throws IOException {
        // no article or possessive after the verb, or a verb that asks for the thing: the product, as before
        Reply bracket = ask("can you check if the tv wall mount is in stock");
        assertEquals("product_stock", bracket.intent(), bracket.answer());
        assertTrue(bracket.answer().contains("12"), bracket.answer());
        Reply printer = ask("do you carry the laser printer");
        assertTrue(printer.answer().contains("aisle 6"), printer.answer());
        assertFalse(printer.answer().contains("recycling"), printer.answer());
    }

    @Test
    void anEntryIsAsCloseAsItsClosestPhrasingEvenWhenItsAnswerSharesMoreWords() throws IOException {
        // the answer shares "tv" and "wall" with the question, the phrasing is closer in meaning: the entry is as
        // close as that phrasing, and the phrasing is the one to ask it back with
        SentenceEncoder encoder = EncoderFixture.encoder();
        String question = QueryText.normalize("can you hang my tv on the wall");
        FaqMatcher.FaqMatch match = new FaqMatcher(List.of(DELIVERY), encoder).best(question).orElseThrow();
        double toPhrasing = encoder.recipe().onReferenceScale(
                dot(encoder.encode(question), encoder.encodeAll(List.of("can you deliver a tv"))[0]));
        assertEquals(toPhrasing, match.cosine(), 1e-4, "entry cosine");
        assertEquals("can you deliver a tv", match.phrasing());
    }

    @Test
    void theClauseThatAsksOutweighsTheStoryBeforeIt() throws IOException {
        Reply refund = ask("the milk I bought yesterday was sour, can I get a refund");
        assertEquals("faq", refund.intent(), refund.answer());
        assertTrue(refund.answer().contains("refunded at the service desk"), refund.answer());
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
