package kiosk.app.dialogue;

import java.time.Clock;

import kiosk.app.store.StoreKnowledge;
import kiosk.app.understanding.Understanding;
import kiosk.model.SentenceEncoder;

/**
 * The store's knowledge made answerable: builds the understanding's indexes once, then hands out a
 * {@link Conversation} per shopper. Thread-safe; a knowledge reload makes a new assistant.
 */
public final class StoreAssistant {

    private final StoreKnowledge knowledge;
    private final Understanding understanding;
    private final Clock clock;
    /**
     * Built once per knowledge: it reads the whole catalog, and the semantic end of turn tries the shopper's words on
     * a new conversation while they are silent (immutable once built, so every conversation shares it).
     */
    private final GroundingCheck grounding;

    private StoreAssistant(StoreKnowledge knowledge, Understanding understanding, Clock clock) {
        this.knowledge = knowledge;
        this.understanding = understanding;
        this.clock = clock;
        this.grounding = new GroundingCheck(knowledge);
    }

    public static StoreAssistant create(StoreKnowledge knowledge, SentenceEncoder encoder, Clock clock) {
        return new StoreAssistant(knowledge, new Understanding(knowledge, encoder, clock), clock);
    }

    public StoreKnowledge knowledge() {
        return knowledge;
    }

    public Conversation newConversation() {
        return new Conversation(knowledge, understanding, grounding, clock);
    }
}
