package kiosk.app.voice;

import java.util.Optional;

import kiosk.app.commands.CommandParser;
import kiosk.app.commands.CommandResult;
import kiosk.app.dialogue.Conversation;
import kiosk.app.dialogue.Reply;

/**
 * One shopper's session: spoken commands (when the store has command contexts) and knowledge questions share it.
 *
 * <p>A command is taken only when the parser is sure of it; everything else is a question for the store's knowledge,
 * whose conversation keeps the context ("how much is it?" after "where is the drill?").
 */
public final class ShopperSession {

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
        Stopwatch clock = Stopwatch.start();
        Reply reply = commands
                .map(parser -> parser.parse(heard))
                .flatMap(result -> result instanceof CommandResult.Understood understood
                        ? Optional.of(commandReplies.reply(heard, understood, lastReply)
                                .withTimings(java.util.Map.of("understand", clock.lap())))
                        : Optional.empty())
                .orElseGet(() -> conversation.respond(heard));
        lastReply = Optional.of(reply);
        return reply;
    }
}
