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
 * A product is found by what its catalog line says it is called, said whole. Two ways that failed on the evaluation
 * stores' catalogs (every name and alias asked "where is the …", "how much is the …", "is the … in stock"): a name
 * said without the size it carries ("the vapor rub" for "Vapor Rub 3.5 oz": the size's words, "three point five
 * ounce", were most of the name, and the pharmacy answered "I don't think we sell it"), and an alias holding a word
 * that frames questions ("pink stuff", "first response", "chuck it": the question's "stuff", "first" and "it" are not
 * read as naming anything, so the alias could never be said whole); and "one" as a size ("the 1 person tent" was the
 * 2-Person Dome Tent: "one" frames "the one for kids" and was dropped everywhere). Checked on a shop written here.
 */
class CatalogNamesSaidWholeTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-10-06T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path folder;
    static StoreWrittenInTest shop;

    @BeforeAll
    static void load() throws IOException {
        shop = StoreWrittenInTest.write(folder, """
                name: Corner Chemist
                phone: "(555) 010-2290"
                address: 4 Mill Street, Ashby
                hours:
                  mon: "09:00-18:00"
                  sun: closed
                departments:
                  Cold and Flu: [2]
                  Allergy: [3]
                  Vision: [4, 5, 6]
                """, """
                sku,name,aliases,department,aisle,price,stock
                C1,Vapor Rub 3.5 oz,chest rub,Cold and Flu,2,7.49,8
                C2,Diphenhydramine 24 Capsules,,Allergy,3,5.99,12
                C3,Saline Spray 1.5 oz,,Cold and Flu,2,4.29,0
                C4,Reading Glasses 2.0,readers,Vision,4,12.99,6
                C5,Reading Glasses 1.5,,Vision,4,12.99,3
                C6,Stomach Relief Liquid,pink stuff,Cold and Flu,2,6.49,4
                C7,Pregnancy Test 2 Pack,first response,Vision,4,14.99,7
                C8,Ultralight 1-Person Tent,one person tent|solo tent,Vision,5,199.99,2
                C9,2-Person Dome Tent,two person tent|dome tent,Vision,6,149.99,7
                """, """
                - id: returns
                  questions: ["can I return something"]
                  answer: Unopened items can be returned within 30 days.
                """);
    }

    @Test
    void aProductAskedForByItsNameWithoutItsSizeIsFound() throws IOException {
        Reply rub = shop.ask(shop.conversation(NOW), "where is the vapor rub");
        assertEquals("product_location", rub.intent(), rub.answer());
        assertTrue(rub.answer().contains("aisle 2"), rub.answer());
        Reply capsules = shop.ask(shop.conversation(NOW), "how much is the diphenhydramine");
        assertEquals("product_price", capsules.intent(), capsules.answer());
        assertTrue(capsules.answer().contains("$5.99"), capsules.answer());
        Reply spray = shop.ask(shop.conversation(NOW), "do you have saline spray");
        assertTrue(spray.answer().contains("out of stock"), spray.answer());
    }

    @Test
    void anAliasHoldingAWordThatFramesQuestionsIsFound() throws IOException {
        Reply pink = shop.ask(shop.conversation(NOW), "how much is the pink stuff");
        assertEquals("product_price", pink.intent(), pink.answer());
        assertTrue(pink.answer().contains("$6.49"), pink.answer());
        Reply test = shop.ask(shop.conversation(NOW), "where is the first response");
        assertEquals("product_location", test.intent(), test.answer());
        assertTrue(test.answer().contains("Pregnancy Test 2 Pack") && test.answer().contains("aisle 4"), test.answer());
    }

    @Test
    void oneAsASizeIsNotTakenForTheOneAQuestionAsksAbout() throws IOException {
        Reply tent = shop.ask(shop.conversation(NOW), "where is the 1 person tent");
        assertTrue(tent.answer().contains("Ultralight 1-Person Tent") && tent.answer().contains("aisle 5"),
                tent.answer());
        Reply alias = shop.ask(shop.conversation(NOW), "how much is the one person tent");
        assertTrue(alias.answer().contains("$199.99"), alias.answer());
    }

    @Test
    void productsThatDifferOnlyInSizeAreStillToldApartByTheSizeSaid() throws IOException {
        Reply glasses = shop.ask(shop.conversation(NOW), "are the reading glasses 1.5 in stock");
        assertEquals("product_stock", glasses.intent(), glasses.answer());
        assertTrue(glasses.answer().contains("3 of the Reading Glasses 1.5"), glasses.answer());
    }
}
