package kiosk.app.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.junit.jupiter.api.Test;

/**
 * The parser works out each word's sound once (the grammar's when it is built, the utterance's once per parse);
 * a word heard as a sound-alike must cost what Double Metaphone's own comparison says, inside a parse as alone.
 */
class CommandParserSoundsTest {

    private static final Path STORE_COMMANDS = Path.of("demo-store/contexts/store-commands.yaml");

    @Test
    void aSoundAlikeCostsWhatDoubleMetaphoneSaysAndFillsTheSlot() {
        // "ate" is three letters from "eight" and no prefix of it: only their sound makes them alike
        DoubleMetaphone sound = new DoubleMetaphone();
        assertEquals(true, sound.isDoubleMetaphoneEqual("eight", "ate"));
        assertEquals(0.35, CommandParser.wordCost("eight", "ate"), 1e-9);
        assertEquals(false, sound.isDoubleMetaphoneEqual("eight", "nine"));
        assertEquals(1.5, CommandParser.wordCost("eight", "nine"), 1e-9);

        CommandParser parser = new CommandParser(List.of(CommandContext.load(STORE_COMMANDS)));
        CommandResult heard = parser.parse("price check on aisle ate");
        CommandResult said = parser.parse("price check on aisle eight");
        assertEquals(Map.of("aisle", "eight"), assertInstanceOf(CommandResult.Understood.class, heard).slots());
        // the one word heard by its sound costs 0.35 of the five: 1 - 0.35 / 5
        assertEquals(1.0, ((CommandResult.Understood) said).confidence(), 1e-9);
        assertEquals(0.93, ((CommandResult.Understood) heard).confidence(), 1e-9);
    }

    @Test
    void theSameParserGivesTheSameResultEveryTime() {
        CommandParser parser = new CommandParser(List.of(CommandContext.load(STORE_COMMANDS)));
        for (String text : List.of("um could you call somebody over to aisle fourteen please", "price check aisle ate",
                "where are the double a batteries", "can you say that again")) {
            assertEquals(parser.parse(text), parser.parse(text), text);
        }
    }
}
