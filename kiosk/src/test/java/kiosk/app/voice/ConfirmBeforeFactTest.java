package kiosk.app.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kiosk.app.dialogue.EncoderFixture;
import kiosk.app.dialogue.Reply;
import kiosk.app.dialogue.StoreAssistant;
import kiosk.app.store.Product;
import kiosk.app.store.StoreKnowledge;
import kiosk.app.store.StoreLoader;
import kiosk.speech.Reading;
import kiosk.speech.Transcript;
import kiosk.speech.Word;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A product only the store-biased grammar decoder heard is named back before any fact of it is said, and the
 * shopper's "yes" or "no" then gets the facts or an offer of a person. The transcripts are what the recognizer heard
 * of espeak-ng saying the demo store's dev questions ({@code bench spoken --save-transcripts}), word timings and
 * confidences as saved.
 */
class ConfirmBeforeFactTest {

    private static StoreAssistant assistant;
    private static Product bulbs;

    @BeforeAll
    static void load() throws java.io.IOException {
        StoreKnowledge store = StoreLoader.load(Path.of("demo-store")).knowledge().orElseThrow();
        assistant = StoreAssistant.create(store, EncoderFixture.encoder(), Clock.systemDefaultZone());
        bulbs = assistant.newConversation().interpret("are there any smart bulbs left").bestProduct().orElseThrow()
                .product();
    }

    private static ShopperSession session() {
        return new ShopperSession(assistant.newConversation(), Optional.empty(), change -> false);
    }

    /** Words as saved: text, start and end seconds, confidence, one after another. */
    private static List<Word> words(Object... saved) {
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < saved.length; i += 4) {
            words.add(new Word((String) saved[i], (Double) saved[i + 1], (Double) saved[i + 2], (Double) saved[i + 3]));
        }
        return words;
    }

    /**
     * "are there any smart bulbs left", espeak-ng: the grammar decoder heard it word for word at 1.0, the free decoder
     * "are there many smart smiles left", "smart" at 0.48 and "smiles" at 0.30.
     */
    private static Transcript smartBulbs() {
        Transcript free = new Transcript("are there many smart smiles left", words(
                "are", 0.27, 0.48, 1.0, "there", 0.48, 0.633, 0.682893, "many", 0.633, 0.87, 0.554441,
                "smart", 0.87, 1.272, 0.484728, "smiles", 1.272, 1.74, 0.304787, "left", 1.74, 2.19, 0.873581),
                0.6500716666666667, Transcript.Source.FREE,
                List.of(new Reading("are there many smart smiles left", 0.0, 0)));
        return new Transcript("are there any smart bulbs left", words(
                "are", 0.27, 0.48, 1.0, "there", 0.48, 0.66, 1.0, "any", 0.66, 0.87, 1.0,
                "smart", 0.87, 1.32, 1.0, "bulbs", 1.32, 1.74, 1.0, "left", 1.74, 2.19, 1.0),
                1.0, Transcript.Source.GRAMMAR, List.of(new Reading("are there any smart bulbs left", 188.685822, 0)))
                .withRival(free);
    }

    @Test
    void aProductOnlyTheGrammarHeardIsNamedBackAndYesGetsItsFacts() {
        ShopperSession shopper = session();
        Reply asked = shopper.respond(smartBulbs());
        assertEquals("Did you say the " + bulbs.name() + "?", asked.answer());
        assertEquals("clarify", asked.intent());
        assertEquals(bulbs.sku(), asked.slots().get("choices"));
        assertTrue(asked.aisle().isEmpty());
        assertFalse(asked.answer().matches(".*(aisle|\\$|stock|left).*"), "no fact before the yes: " + asked.answer());

        Reply yes = shopper.respond("yes");
        assertEquals("product_stock", yes.intent());
        assertEquals(bulbs.sku(), yes.slots().get("sku"));
        assertTrue(yes.answer().contains(bulbs.name()), yes.answer());
    }

    @Test
    void noAfterAConfirmationStatesNothingAndOffersAPerson() {
        ShopperSession shopper = session();
        assertEquals("clarify", shopper.respond(smartBulbs()).intent());
        Reply no = shopper.respond("no");
        assertEquals("clarify", no.intent());
        assertTrue(no.slots().isEmpty(), "no product is offered again: " + no.slots());
        assertFalse(no.answer().matches(".*(aisle \\S|\\$\\d|in stock|out of stock).*"), no.answer());
        assertTrue(no.answer().contains("team member"), no.answer());
        Reply person = shopper.respond("yes");
        assertEquals("call_staff", person.intent(), "the person offered after the no is called on yes");
        assertTrue(person.escalate());
    }

    @Test
    void theSameWordsHeardByBothDecodersAreAnsweredAtOnce() {
        Transcript grammar = smartBulbs();
        // the free decoder heard the name too: both decoders agree, the fact is said
        Transcript agreed = new Transcript(grammar.text(), grammar.words(), 1.0, Transcript.Source.GRAMMAR,
                grammar.readings()).withRival(new Transcript("are there any smart bulbs left", words(
                        "are", 0.27, 0.48, 1.0, "there", 0.48, 0.66, 0.8, "any", 0.66, 0.87, 0.6,
                        "smart", 0.87, 1.32, 0.6, "bulbs", 1.32, 1.74, 0.55, "left", 1.74, 2.19, 0.9),
                        0.74, Transcript.Source.FREE));
        Reply answered = session().respond(agreed);
        assertEquals("product_stock", answered.intent());
        assertEquals(bulbs.sku(), answered.slots().get("sku"));
    }
}
