package kiosk.app.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import kiosk.app.store.StoreKnowledge;
import kiosk.app.store.StoreLoader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Events and trying before buying, asked as shoppers ask, in the toy shop of the evaluation (two questions of its
 * development half): its game night entry ("do you have a game night", "is there open gaming") sits beside an entry on
 * the kids' play table, and without the ways shoppers ask for an event or a demo the play table answered the first
 * and the second was asked back.
 */
class EventsAndDemosAskedInShoppersWordsTest {

    static StoreAssistant assistant;

    @BeforeAll
    static void load() throws IOException {
        StoreKnowledge toys = StoreLoader.load(Path.of("../bench/stores/toys")).knowledge().orElseThrow();
        assistant = StoreAssistant.create(toys, EncoderFixture.encoder(), ConversationTest.TUESDAY_NOON);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "is there an evening when people come in to play board games together|every Friday",
            "can we try out games before we buy them|demo shelf"})
    void theGameNightEntryAnswers(String question, String expected) {
        Reply reply = assistant.newConversation().respond(question);
        assertEquals("faq", reply.intent(), reply.answer());
        assertTrue(reply.answer().contains(expected), reply.answer());
    }
}
