package kiosk.app.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import kiosk.app.store.StoreKnowledge;
import kiosk.app.store.StoreLoader;
import org.junit.jupiter.api.Test;

/** The store-biased grammar learns products inside whole questions, and questions about what the store lacks. */
class ShopperPhrasesTest {

    @Test
    void everyNameAndAliasIsAskedForInWholeQuestions() {
        StoreKnowledge store = StoreLoader.load(Path.of("demo-store")).knowledge().orElseThrow();
        List<String> questions = ShopperPhrases.questions(store);
        assertTrue(questions.contains("where is the stud finder"), "a name, singular after \"the\"");
        assertTrue(questions.contains("any stud finders left"), "plural where shoppers say it");
        assertTrue(questions.contains("how much is the duck tape"), "an alias");
        assertTrue(questions.contains("where is the [unk]"), "a question about something the store does not sell");
        long names = store.products().stream().mapToLong(product -> 1 + product.aliases().size()).sum();
        long unknown = questions.stream().filter(question -> question.contains("[unk]")).count();
        assertTrue(unknown >= ShopperPhrases.QUESTIONS.size() && unknown < questions.size() / 5,
                unknown + " of " + questions.size() + " questions ask for something outside the store; " + names
                        + " names");
    }

    @Test
    void pluralsAreTheLastWordsAsShoppersSayThem() {
        assertEquals("stud finders", ShopperPhrases.plural("stud finder"));
        assertEquals("c batteries", ShopperPhrases.plural("c battery"));
        assertEquals("paint brushes", ShopperPhrases.plural("paint brush"));
        assertEquals("bungee cords", ShopperPhrases.plural("bungee cords"));
        assertEquals("extension cord 25 ft", ShopperPhrases.plural("extension cord 25 ft"));
        assertEquals("trays", ShopperPhrases.plural("trays"));
        assertEquals("keys", ShopperPhrases.plural("key"));
    }
}
