package kiosk.app.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

    @Test
    void aRunnerUpThatKeepsTheSlotWordBeatsABestReadingThatDroppedIt() {
        List<String> readings = List.of("may i have a large mocha lots of and lots of brown sugar",
                "may i have a large mocha lots of cream and lots of brown sugar");
        assertEquals(Map.of("size", "large", "coffeeDrink", "mocha", "milkAmount", "lots of cream",
                "sugarAmount", "lots of brown sugar"), understood(coffee.parseReadings(readings)).slots());
        assertEquals("lots of milk", understood(coffee.parse(readings.get(0))).slots().get("milkAmount"),
                "the best reading alone would have been a wrong order");
    }

    @Test
    void onATieTheDecodersBetterReadingWins() {
        CommandResult.Understood chosen = understood(coffee.parseReadings(List.of("a large latte please",
                "a small latte please")));
        assertEquals("large", chosen.slots().get("size"));
    }

    @Test
    void whenNoReadingIsACommandTheFirstReadingsReasonIsGiven() {
        CommandResult result = coffee.parseReadings(List.of("the weather is nice", "whether it is nice"));
        assertEquals(coffee.parse("the weather is nice"), result);
        assertInstanceOf(CommandResult.NotUnderstood.class, result);
        assertInstanceOf(CommandResult.NotUnderstood.class, coffee.parseReadings(List.of()));
    }
}
