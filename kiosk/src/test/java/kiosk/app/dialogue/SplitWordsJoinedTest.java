package kiosk.app.dialogue;

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
 * A compound the catalog writes as one word, said (or recognized) as two: "web cams" is the Webcam. Two words a
 * catalog phrase has side by side stay two.
 */
class SplitWordsJoinedTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-10-06T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path folder;
    static StoreWrittenInTest shop;

    @BeforeAll
    static void load() throws IOException {
        shop = StoreWrittenInTest.write(folder, """
                name: Corner Gadgets and Garden
                phone: "(555) 010-7781"
                address: 4 Weir Street, Dunmore
                hours:
                  mon: "09:00-18:00"
                departments:
                  Computers: [4]
                  Garden: [9]
                """, """
                sku,name,aliases,department,aisle,price,stock,description
                C1,Webcam 1080p,,Computers,4,49.00,6,
                C2,Wireless Keyboard,,Computers,4,35.00,0,
                C3,Gamepad Wired,,Computers,4,25.00,3,
                G1,Wild Bird Seed 5 lb,bird seed,Garden,9,12.00,20,
                G2,Birdseed Bell,,Garden,8,6.00,10,
                """, "[]\n");
    }

    @Test
    void twoWordsThatTogetherAreACatalogWordNameItsProduct() throws IOException {
        Reply cams = shop.ask(shop.conversation(NOW), "do you have web cams");
        assertTrue(cams.answer().contains("Webcam 1080p") && cams.answer().contains("aisle 4"), cams.answer());
        Reply pads = shop.ask(shop.conversation(NOW), "how much is the game pad");
        assertTrue(pads.answer().contains("$25.00"), pads.answer());
    }

    @Test
    void wordsACatalogPhraseHasSideBySideStayTwo() throws IOException {
        Reply seed = shop.ask(shop.conversation(NOW), "where is the bird seed");
        assertTrue(seed.answer().contains("aisle 9"), seed.answer());
        assertFalse(seed.answer().contains("Birdseed Bell"), seed.answer());
    }
}
