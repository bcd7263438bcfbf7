package kiosk.app.voice;

import kiosk.app.dialogue.Conversation;
import kiosk.app.dialogue.Reply;

/**
 * One shopper's session: the store knowledge's conversation, which keeps the context ("how much is it?" after
 * "where is the drill?").
 */
public final class ShopperSession {

    private final Conversation conversation;

    public ShopperSession(Conversation conversation) {
        this.conversation = conversation;
    }

    public Reply respond(String heard) {
        return conversation.respond(heard);
    }
}
