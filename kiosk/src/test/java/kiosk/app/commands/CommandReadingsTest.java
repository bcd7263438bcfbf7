package kiosk.app.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kiosk.speech.Reading;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Picking the command among a recognizer's readings of one utterance. */
class CommandReadingsTest {

    static CommandParser coffee;

    @BeforeAll
    static void load() {
        Path file = Path.of(System.getProperty("kiosk.shared", "../../shared"),
                "data/speech-to-intent/coffee_maker.yaml");
        Assumptions.assumeTrue(Files.exists(file), "shared data not found at " + file + "; skipping");
        coffee = new CommandParser(List.of(CommandContext.load(file)));
    }

    private static CommandResult.Understood understood(CommandResult result) {
        return assertInstanceOf(CommandResult.Understood.class, result);
    }

    /** Readings as a decoder gives them: best first, each a little less likely than the one before. */
    private static List<Reading> readings(String... texts) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            readings.add(new Reading(texts[i], -100 - i, 0));
        }
        return readings;
    }

    @Test
    void aRunnerUpThatKeepsTheSlotWordBeatsABestReadingThatDroppedIt() {
        List<Reading> readings = readings("may i have a large mocha lots of and lots of brown sugar",
                "may i have a large mocha lots of cream and lots of brown sugar");
        assertEquals(Map.of("size", "large", "coffeeDrink", "mocha", "milkAmount", "lots of cream",
                "sugarAmount", "lots of brown sugar"), understood(coffee.parseReadings(readings)).slots());
        assertEquals("lots of milk", understood(coffee.parse(readings.get(0).text())).slots().get("milkAmount"),
                "the best reading alone would have been a wrong order");
    }

    @Test
    void onATieTheDecodersBetterReadingWins() {
        CommandResult.Understood chosen = understood(coffee.parseReadings(readings("a large latte please",
                "a small latte please")));
        assertEquals("large", chosen.slots().get("size"));
    }

    @Test
    void betweenPerfectFitsTheReadingThatSaysMoreWins() {
        // noise masks the end of an order: the best reading stops, a runner-up heard the milk
        List<Reading> readings = readings("brew a small triple shot latte with brown sugar",
                "brew a small triple shot latte with brown sugar and cream", "brew a small latte");
        assertEquals(1.0, understood(coffee.parse(readings.get(0).text())).confidence(), "both fit perfectly");
        assertEquals("cream", understood(coffee.parseReadings(readings)).slots().get("milkAmount"));
        assertEquals("brown sugar", understood(coffee.parseReadings(readings)).slots().get("sugarAmount"));
    }

    @Test
    void aMissingWordIsLikelierThanAWordHeardAsAnotherOne() {
        // "skim" was heard and "milk" lost, rather than "milk" heard as "skim"
        CommandResult.Understood order = understood(coffee.parse(
                "i want a medium roast iced mocha with sugar and a little bit of skim"));
        assertEquals("a little bit of skim milk", order.slots().get("milkAmount"));
        assertEquals("a bit of almond milk", understood(coffee.parse("brew a medium roast iced mocha with sugar and "
                + "a bit of almond")).slots().get("milkAmount"));
    }

    @Test
    void speechTheGrammarCouldNotPlaceCountsAgainstTheCommand() {
        assertEquals(1.0, understood(coffee.parseReadings(List.of(new Reading("can i get a latte", -50, 0))))
                .confidence());
        // "can I get [unk] [unk] [unk] [unk]": a shopper asking for something else, most of it out of the grammar
        assertInstanceOf(CommandResult.NotUnderstood.class,
                coffee.parseReadings(List.of(new Reading("can i get a latte", -50, 4))));
    }

    @Test
    void whenNoReadingIsACommandTheFirstReadingsReasonIsGiven() {
        CommandResult result = coffee.parseReadings(readings("the weather is nice", "whether it is nice"));
        assertEquals(coffee.parse("the weather is nice"), result);
        assertInstanceOf(CommandResult.NotUnderstood.class, result);
        assertInstanceOf(CommandResult.NotUnderstood.class, coffee.parseReadings(List.of()));
    }
}
