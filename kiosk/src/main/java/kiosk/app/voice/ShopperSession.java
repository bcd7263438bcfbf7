package kiosk.app.voice;

import java.util.Optional;
import java.util.function.Predicate;

import kiosk.app.commands.CommandParser;
import kiosk.app.commands.CommandResult;
import kiosk.app.dialogue.Conversation;
import kiosk.app.dialogue.Reply;
import kiosk.app.store.Product;
import kiosk.speech.Transcript;

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
        return respond(heard, product -> true);
    }

    /**
     * A spoken turn: the reading of the decoder the evidence favours is understood ({@link SpokenEvidence}), and a
     * product that only the store-biased grammar decoder heard is confirmed before its facts are said (the grammar
     * forces words the store does not sell into ones it does, and is sure of itself all the same).
     */
    public Reply respond(Transcript heard) {
        SpokenEvidence.Reading reading = SpokenEvidence.weigh(heard, conversation::interpret);
        return respond(reading.text(), reading.heardForSure());
    }

    private Reply respond(String heard, Predicate<Product> heardForSure) {
        Stopwatch clock = Stopwatch.start();
        Reply reply = commands
                .map(parser -> parser.parse(heard))
                .flatMap(result -> result instanceof CommandResult.Understood understood
                        ? Optional.of(commandReplies.reply(heard, understood, lastReply)
                                .withTimings(java.util.Map.of("understand", clock.lap())))
                        : Optional.empty())
                .orElseGet(() -> conversation.respond(heard, heardForSure));
        lastReply = Optional.of(reply);
        return reply;
    }
}
