package kiosk.app.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import kiosk.app.store.StoreKnowledge;
import kiosk.app.store.StoreLoader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A shopper names a thing and then says what it is like or why: "candles, but we have a puppy and I don't want a real
 * flame". The words after the name describe it; they are not a kind the store lacks, so the store's candles are
 * answered, not "I don't think we sell that". Checked on the home goods evaluation store, with a phrasing of neither
 * half of its question set.
 */
class ThingDescribedAfterItsNameTest {

    static StoreAssistant assistant;
    static GroundingCheck grounding;

    @BeforeAll
    static void load() throws IOException {
        StoreKnowledge home = StoreLoader.load(Path.of("../bench/stores/home")).knowledge().orElseThrow();
        assistant = StoreAssistant.create(home, EncoderFixture.encoder(), ConversationTest.TUESDAY_NOON);
        grounding = new GroundingCheck(home);
    }

    @Test
    void candlesDescribedAfterButAreTheStoresCandles() {
        Reply candles = assistant.newConversation()
                .respond("I'd like some candles but we have a puppy and I don't want a real flame");
        assertEquals(List.of(), grounding.ungrounded(candles.answer()), candles.answer());
        assertNotEquals("not_found", candles.intent(), candles.answer());
        assertTrue(candles.answer().contains("aisle 14"), candles.answer());
    }
}
