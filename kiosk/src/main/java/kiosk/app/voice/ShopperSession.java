package kiosk.app.voice;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import kiosk.app.commands.CommandParser;
import kiosk.app.commands.CommandResult;
import kiosk.app.dialogue.Conversation;
import kiosk.app.dialogue.Reply;
import kiosk.app.store.Product;
import kiosk.app.understanding.Intent;
import kiosk.app.understanding.Interpretation;
import kiosk.speech.Transcript;

/**
 * One shopper's session: spoken commands (when the store has command contexts) and knowledge questions share it.
 *
 * <p>Its methods are synchronized: the semantic end of turn may judge words on the recognizing thread while an
 * earlier part of the question is being answered on another.
 *
 * <p>A command is taken only when the parser is sure of it; everything else is a question for the store's knowledge,
 * whose conversation keeps the context ("how much is it?" after "where is the drill?").
 */
public final class ShopperSession {

    private final Conversation conversation;
    private final Optional<CommandParser> commands;
    private final CommandReplies commandReplies;
    private Optional<Reply> lastReply = Optional.empty();
    private final Optional<Supplier<Conversation>> scratch;
    /** This turn's words understood early, while the shopper was silent (see {@link #answersClearly}). */
    private final java.util.Map<String, Interpretation> soFar = new java.util.concurrent.ConcurrentHashMap<>();
    /** This turn's verdicts of {@link #answersClearly}, by the words judged. */
    private final java.util.Map<Judged, Boolean> verdicts = new java.util.HashMap<>();

    /**
     * Which turns may end on the short silence of the semantic end of turn ({@link #endsEarly}). Ending a turn early
     * is safe only as far as a shopper who goes on is heard (the kiosk listens on after an early end,
     * {@link VoiceTurns#listenOn}, stops its reply and answers the whole question): then a pause mid-command costs a
     * cut-off syllable of the reply, not a wrong answer.
     */
    public enum EarlyEnd {
        /** Questions a new conversation answers at once with one clear answer ({@link #answersClearly}). */
        CLEAR_ANSWERS,
        /**
         * Those, spoken commands the parser is sure of, greetings, thanks and goodbyes: each is a whole request that
         * a listener answers, though a shopper may add to it ("a dark roast" | "with oat milk", "hello" | "where …").
         */
        WHOLE_REQUESTS
    }

    /** One verdict of a turn: the words and the kinds of turn asked about. */
    private record Judged(String text, EarlyEnd kinds) {
    }

    public ShopperSession(Conversation conversation, Optional<CommandParser> commands, VoiceControl voice) {
        this(conversation, commands, voice, Optional.empty());
    }

    /**
     * {@code scratch}: a new conversation of the same store, with no context, on which {@link #answersClearly} tries
     * the words heard so far (empty: no words are ever complete early).
     */
    public ShopperSession(Conversation conversation, Optional<CommandParser> commands, VoiceControl voice,
                          Optional<Supplier<Conversation>> scratch) {
        this.scratch = scratch;
        this.conversation = conversation;
        this.commands = commands;
        this.commandReplies = new CommandReplies(voice);
    }

    public synchronized Reply respond(String heard) {
        return respond(heard, product -> true);
    }

    /**
     * A spoken turn: the reading of the decoder the evidence favours is understood ({@link SpokenEvidence}), and a
     * product that only the store-biased grammar decoder heard is confirmed before its facts are said (the grammar
     * forces words the store does not sell into ones it does, and is sure of itself all the same).
     */
    public synchronized Reply respond(Transcript heard) {
        SpokenEvidence.Reading reading = SpokenEvidence.weigh(heard, text -> {
            // understood while the shopper fell silent (answersClearly): the same words are not understood twice
            Interpretation early = soFar.get(text);
            return early != null ? early : conversation.interpret(text);
        });
        return respond(reading.text(), reading.heardForSure());
    }

    /**
     * Whether the words heard so far ask something the store answers at once with one clear answer: a question a new
     * conversation (no context) answers with a product's, a department's, the hours', the contact's, a FAQ's fact or
     * a team member's call. Not a greeting (a question usually follows), a clarifying question back (several
     * products, none named), a need (answered with suggestions: "something to see" may go on "in the dark"), a
     * spoken command (its slots run on), nothing the store sells or anything not understood: a shopper who stops
     * there is most likely still speaking. The semantic end of turn asks this during the shopper's silence
     * ({@link VoiceTurns#live(kiosk.speech.RecognizerOptions, ShopperSession)}); what the understanding made of the words is kept,
     * and when the final text is the same {@link #respond(Transcript)} does not understand it again.
     *
     * <p>Tried on a new conversation, so this session's context plays no part (a follow-up, "how much is it", is
     * never complete early) and is left as it was. The words are understood once (the new conversation answers what
     * this one understood) and each text is judged once a turn; live, on the judge's thread, ahead of the endpoint
     * ({@link kiosk.speech.SpeechModel#judgedAhead}).
     */
    public synchronized boolean answersClearly(String heardSoFar) {
        return endsEarly(heardSoFar, EarlyEnd.CLEAR_ANSWERS);
    }

    /**
     * Whether the words heard so far are a turn of {@code kinds} ({@link EarlyEnd}): {@link #answersClearly}, or
     * with {@link EarlyEnd#WHOLE_REQUESTS} also a spoken command the parser is sure of, a greeting, thanks or a
     * goodbye. Judged once per text and kinds a turn, as {@link #answersClearly}.
     */
    public synchronized boolean endsEarly(String heardSoFar, EarlyEnd kinds) {
        if (scratch.isEmpty()) {
            return false;
        }
        // each distinct text is judged once a turn: the endpointer of a resumption, or a judge working ahead, may
        // ask again about words already judged
        Judged key = new Judged(heardSoFar, kinds);
        Boolean known = verdicts.get(key);
        if (known == null) {
            known = judge(heardSoFar, kinds);
            verdicts.put(key, known);
        }
        return known;
    }

    private boolean judge(String heardSoFar, EarlyEnd kinds) {
        if (commands.map(parser -> parser.parse(heardSoFar) instanceof CommandResult.Understood).orElse(false)) {
            // a command's slots run on: "may i have a dark roast" | "with oat milk". Taken as complete without a
            // resumption, the coffee-machine recordings were cut off 14 times in 200 and restarted 22 (bench
            // endpoint): it waits, unless the kiosk hears a shopper who goes on
            return kinds == EarlyEnd.WHOLE_REQUESTS;
        }
        // understood in this session's conversation, which keeps it for its answer until then (the speculative part)
        Interpretation meaning = conversation.interpret(heardSoFar);
        soFar.put(heardSoFar, meaning);
        boolean suggested = meaning.fit() == Interpretation.Fit.NEED || meaning.fit() == Interpretation.Fit.GUESS;
        if (kinds == EarlyEnd.WHOLE_REQUESTS && !suggested && COURTESIES.contains(meaning.intent())) {
            return true;
        }
        if (suggested || !ANSWERS_AT_ONCE.contains(meaning.intent())) {
            return false;
        }
        // whether it would be answered or asked back: the dialogue's own rules, on a conversation with no context,
        // given what was just understood (the understanding has no context either: the words are understood once)
        String answeredAs = scratch.get().get().respond(heardSoFar, meaning).intent();
        return ANSWERS_AT_ONCE.stream().anyMatch(intent -> intent.label().equals(answeredAs));
    }

    /** What a turn can be understood to ask that the kiosk answers without asking back. */
    private static final Set<Intent> ANSWERS_AT_ONCE = Set.of(Intent.PRODUCT_LOCATION, Intent.PRODUCT_PRICE,
            Intent.PRODUCT_STOCK, Intent.DEPARTMENT_LOCATION, Intent.STORE_HOURS, Intent.STORE_CONTACT, Intent.FAQ,
            Intent.CALL_STAFF);

    /** Turns a listener answers at once whatever follows: a greeting, thanks, a goodbye. */
    private static final Set<Intent> COURTESIES = Set.of(Intent.GREETING, Intent.THANKS, Intent.GOODBYE);

    private Reply respond(String heard, Predicate<Product> heardForSure) {
        soFar.clear();
        verdicts.clear();
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
