package kiosk.app.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import kiosk.app.store.StoreKnowledge;
import kiosk.app.store.StoreLoader;
import org.junit.jupiter.api.Test;

/**
 * Words understood once ({@link Conversation#interpret}, in another conversation of the store) are answered as words
 * understood afresh: the semantic end of turn understands the shopper's words once and tries them on a new
 * conversation. With the real encoder, on the demo store's question set and the beginnings of its questions (what the
 * judge sees while a shopper pauses).
 */
class UnderstoodOnceTest {

    @Test
    void wordsUnderstoodElsewhereAreAnsweredAsWordsUnderstoodAfresh() throws IOException {
        StoreKnowledge store = StoreLoader.load(Path.of("demo-store")).knowledge().orElseThrow();
        StoreAssistant assistant = StoreAssistant.create(store, EncoderFixture.encoder(), ConversationTest.TUESDAY_NOON);
        Set<String> texts = new LinkedHashSet<>();
        for (String question : questions().subList(0, 40)) {
            String[] words = question.split(" ");
            for (int n = 2; n <= words.length; n++) {
                texts.add(String.join(" ", Arrays.copyOfRange(words, 0, n)));
            }
        }
        assertTrue(texts.size() > 100, "the beginnings of 40 questions: " + texts.size());
        Conversation understanding = assistant.newConversation();
        for (String text : texts) {
            Reply afresh = assistant.newConversation().respond(text);
            Reply once = assistant.newConversation().respond(text, understanding.interpret(text));
            assertEquals(afresh.intent(), once.intent(), text);
            assertEquals(afresh.answer(), once.answer(), text);
        }
    }

    /** The first question of each session of the demo store's question set, in lower case as a decoder writes it. */
    private static List<String> questions() throws IOException {
        List<String> questions = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../bench/demo-questions.yaml"))) {
            if (line.startsWith("  - ask: ")) {
                questions.add(line.substring("  - ask: ".length()).strip().toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9' ]", ""));
            }
        }
        return questions;
    }
}
