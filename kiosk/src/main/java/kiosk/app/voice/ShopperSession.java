package kiosk.app.voice;

import java.util.Optional;

import kiosk.app.commands.CommandParser;
import kiosk.app.commands.CommandResult;
import kiosk.app.dialogue.Conversation;
import kiosk.app.dialogue.Reply;
import kiosk.speech.Transcript;

/**
 * One shopper's session: spoken commands (when the store has command contexts) and knowledge questions share it.
 *
 * <p>A command is taken only when the parser is sure of it; everything else is a question for the store's knowledge,
 * whose conversation keeps the context ("how much is it?" after "where is the drill?").
 */
public final class ShopperSession {

    /** A grammar reading at least this confident is taken as heard (the free decoder could not do better). */
    static final double GRAMMAR_SURE = 0.95;

    private final Conversation conversation;
    private final Optional<CommandParser> commands;
    private final CommandReplies commandReplies;
    private Optional<Reply> lastReply = Optional.empty();

    public ShopperSession(Conversation conversation, Optional<CommandParser> commands, VoiceControl voice) {
        this.conversation = conversation;
        this.commands = commands;
        this.commandReplies = new CommandReplies(voice);
    }

    public Reply respond(String heard) {
        return respond(heard, false);
    }

    /**
     * A spoken turn: when only the store-biased grammar decoder heard it, and not with near certainty, a product is
     * confirmed before its facts are said (the grammar forces words the store does not sell into ones it does).
     */
    public Reply respond(Transcript heard) {
        boolean grammarOnly = heard.source() == Transcript.Source.GRAMMAR && heard.confidence() < GRAMMAR_SURE;
        return respond(heard.text(), grammarOnly);
    }

    private Reply respond(String heard, boolean confirmProduct) {
        Stopwatch clock = Stopwatch.start();
        Reply reply = commands
                .map(parser -> parser.parse(heard))
                .flatMap(result -> result instanceof CommandResult.Understood understood
                        ? Optional.of(commandReplies.reply(heard, understood, lastReply)
                                .withTimings(java.util.Map.of("understand", clock.lap())))
                        : Optional.empty())
                .orElseGet(() -> conversation.respond(heard, confirmProduct));
        lastReply = Optional.of(reply);
        return reply;
    }
}
