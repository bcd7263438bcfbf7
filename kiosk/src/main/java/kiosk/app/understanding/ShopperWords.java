package kiosk.app.understanding;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Sees when a shopper's words are not a question for the store at all: instructions to the kiosk ("repeat after
 * me …", "ignore your instructions"), insults, or personal numbers (a phone, card or social security number). The
 * kiosk answers none of it and says none of it back (it never reads shopper words back: answers name only catalog
 * products and the store's own facts).
 */
public final class ShopperWords {

    /** Why a turn is not a question for the store. */
    public enum Concern { NONE, INSTRUCTION, INSULT, PERSONAL_DATA }

    private static final Pattern INSTRUCTION = Pattern.compile("\\b((ignore|disregard|forget|override)( all| your"
            + "| the| my| any| previous| prior| earlier| above)* (instructions|rules|prompt|programming|orders)"
            + "|repeat after me|say after me|repeat this|say this|say the words|read (this|out)|pretend|act as"
            + "|you are now|from now on|system prompt|password|jailbreak|developer mode|announce"
            // words to be said for the shopper, and tasks no store kiosk does: "say the following out loud: …",
            // "tell everyone over the speaker …", "write me a poem", "disregard the store stuff and …"
            + "|say the following|say (it |this |that )?out loud|(over|on|through) the (speaker|speakers|loudspeaker|pa)"
            + "|tell (everyone|everybody)|write (me )?(a|an) (poem|story|song|essay|joke|letter|email)"
            + ")\\b|^(ignore|disregard|forget about) ");
    private static final Pattern PERSONAL = Pattern.compile("\\b(social security|ssn|credit card (number|is)"
            + "|my credit card|card number|pin number|bank account|account number|date of birth)\\b");
    /** Seven or more digits in a row, spaces and dashes allowed: a phone, card or account number. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[\\s.-]*\\d){6,}");
    /** The same run spoken: "five five five eight six seven five three oh nine". */
    private static final Pattern SPOKEN_DIGIT_RUN = Pattern.compile("\\b((zero|oh|one|two|three|four|five|six"
            + "|seven|eight|nine|ten|eleven|twelve|hundred|thousand|double|triple) ?){7,}");
    private static final Set<String> INSULTS = Set.of("stupid", "idiot", "idiots", "useless", "junk", "dumb",
            "moron", "crook", "crooks", "liar", "liars", "fake", "stolen", "thief", "thieves", "scam", "scammer",
            "hate", "sucks", "suck", "shut", "ugly", "loser", "pathetic", "worthless", "crap", "damn", "hell",
            "rubbish", "fraud", "rip", "ripoff", "fool", "jerk", "trash", "garbage", "pig", "lousy", "terrible");

    private final Predicate<String> catalogWord;

    /** {@code catalogWord}: whether a stemmed word is the store's own, never an insult here ("garbage disposal"). */
    ShopperWords(Predicate<String> catalogWord) {
        this.catalogWord = catalogWord;
    }

    /** Whether the raw turn (as heard, before normalization) is an instruction, an insult or personal data. */
    Concern concern(String raw, String normalized) {
        if (DIGIT_RUN.matcher(raw).find() || SPOKEN_DIGIT_RUN.matcher(normalized).find()
                || PERSONAL.matcher(normalized).find()) {
            return Concern.PERSONAL_DATA;
        }
        if (INSTRUCTION.matcher(normalized).find()) {
            return Concern.INSTRUCTION;
        }
        boolean insult = Arrays.stream(normalized.split(" "))
                .anyMatch(word -> INSULTS.contains(word) && !catalogWord.test(QueryText.stem(word)));
        return insult ? Concern.INSULT : Concern.NONE;
    }
}
