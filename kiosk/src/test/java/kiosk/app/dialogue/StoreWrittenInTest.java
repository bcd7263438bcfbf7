package kiosk.app.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import kiosk.app.store.StoreKnowledge;
import kiosk.app.store.StoreLoader;

/**
 * A small store a test writes with its own words (store.yaml, catalog.csv, faq.yaml), loaded as the kiosk loads one and
 * asked with the real encoder; every answer is checked to say only this store's facts. The understanding's
 * mechanisms are tested on such stores so that they hold beyond the evaluation stores they were found on.
 */
record StoreWrittenInTest(StoreKnowledge knowledge, GroundingCheck grounding) {

    /** An aisle, a price or a stock count: the facts that must not answer a question about another thing. */
    static final Pattern FACT = Pattern.compile("aisle \\d|\\$\\d|in stock|out of stock|\\d+ left");

    static StoreWrittenInTest write(Path folder, String storeYaml, String catalogCsv, String faqYaml)
            throws IOException {
        Files.writeString(folder.resolve("store.yaml"), storeYaml);
        Files.writeString(folder.resolve("catalog.csv"), catalogCsv);
        Files.writeString(folder.resolve("faq.yaml"), faqYaml);
        StoreKnowledge knowledge = StoreLoader.load(folder).knowledge().orElseThrow();
        return new StoreWrittenInTest(knowledge, new GroundingCheck(knowledge));
    }

    /** A new shopper's conversation, on the day {@code clock} says. */
    Conversation conversation(Clock clock) throws IOException {
        return StoreAssistant.create(knowledge, EncoderFixture.encoder(), clock).newConversation();
    }

    /** The reply to {@code question} in {@code conversation}, which must say only this store's facts. */
    Reply ask(Conversation conversation, String question) {
        Reply reply = conversation.respond(question);
        assertEquals(List.of(), grounding.ungrounded(reply.answer()), "grounded: " + reply.answer());
        return reply;
    }
}
