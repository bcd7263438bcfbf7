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
 * "How much is the model train set": the Model Train Starter Set has every word said, the Wooden Train Set (alias
 * "train set") lacks "model". The shopper said which one; asking "did you mean … or …" would ignore a word they
 * said.
 */
class EveryWordSaidChoosesTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-10-06T12:00:00Z"), ZoneOffset.UTC);
    private static final String STORE = """
            name: Brook Street Toys
            phone: "(555) 010-3390"
            address: 12 Brook Street, Ashby
            hours:
              mon: "09:00-18:00"
            departments:
              Building Sets: [3]
              Models: [7]
            """;
    private static final String CATALOG = """
            sku,name,aliases,department,aisle,price,stock,description
            T1,Wooden Train Set 52 Pieces,train set|wooden train|railway set,Building Sets,3,44.79,5,tracks and engines
            T2,Model Train Starter Set HO Scale,model train|electric train,Models,7,189.99,1,electric locomotive and track
            T3,Model Car Kit,model car,Models,7,24.50,6,a car to glue and paint
            """;
    private static final String FAQ = """
            - id: returns
              questions:
                - can I return something
              answer: Unused toys can be returned within 30 days with the receipt.
            """;

    @TempDir
    static Path folder;
    static StoreWrittenInTest store;

    @BeforeAll
    static void load() throws IOException {
        store = StoreWrittenInTest.write(folder, STORE, CATALOG, FAQ);
    }

    @Test
    void theProductWithEveryWordSaidIsAnsweredNotAskedAbout() throws IOException {
        Reply model = store.ask(store.conversation(NOW), "how much is the model train set");
        assertEquals("product_price", model.intent(), model.answer());
        assertTrue(model.answer().contains("$189.99"), model.answer());
    }
}
