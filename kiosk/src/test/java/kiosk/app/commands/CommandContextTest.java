package kiosk.app.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandContextTest {

    static final Path STORE_COMMANDS = Path.of("demo-store/contexts/store-commands.yaml");

    @TempDir
    Path dir;

    @Test
    void theCoffeeContextLoadsAsIs() {
        Path coffee = Path.of(System.getProperty("kiosk.shared", "../../shared"), "data/speech-to-intent/coffee_maker.yaml");
        Assumptions.assumeTrue(Files.exists(coffee), "shared data not found at " + coffee + "; skipping");
        CommandContext context = CommandContext.load(coffee);
        assertEquals(java.util.Set.of("orderDrink"), context.intents());
        assertEquals(7, context.slotTypes().get("size").size());
        List<String> grammar = context.grammarPhrases();
        assertTrue(grammar.contains("light roast") && grammar.contains("can i get") && grammar.contains("i'd like"),
                grammar.toString());
        assertTrue(grammar.size() < 200, "the grammar stays small: " + grammar.size() + " phrases");
    }

    @Test
    void malformedContextsNameFileLineAndReason() throws IOException {
        assertError("context:\n  expressions:\n    order:\n      - \"get a $size:size $drink:drink\"\n"
                + "  slots:\n    size: [small]\n    drinks: [tea]\n", ":4: unknown slot type 'drink' (did you mean 'drinks'?)");
        assertError("context:\n  expressions:\n    order:\n      - \"[get, give me a $size:size\"\n"
                + "  slots:\n    size: [small]\n", ":4: unbalanced '['");
        assertError("context:\n  expressions:\n    order:\n      - \"get a) tea\"\n", ":4: unbalanced ')'");
        assertError("context:\n  expressions:\n    order: []\n", ":3: intent 'order' has no expressions");
        assertError("context:\n  expressions:\n    order:\n      - \"get $size\"\n  slots:\n    size: [small]\n",
                ":4: a slot reference must read $type:name");
        assertError("expressions: {}\n", ":1: expected a top-level 'context:'");
        assertError("context: [\n", "is not valid YAML");
    }

    @Test
    void hardWrittenPhrasingsAreUnderstoodWithSlotsAndGarbageIsNot() {
        CommandParser parser = new CommandParser(List.of(CommandContext.load(STORE_COMMANDS)));
        CommandResult call = parser.parse("um could you call somebody over to aisle fourteen please");
        CommandResult.Understood understood = assertInstanceOf(CommandResult.Understood.class, call);
        assertEquals("callStaff", understood.intent());
        assertEquals(Map.of("aisle", "fourteen"), understood.slots());
        assertEquals("priceCheck", ((CommandResult.Understood) parser.parse("price check on aisle 7")).intent());
        assertEquals(Map.of("aisle", "seven"), ((CommandResult.Understood) parser.parse("price check aisle seven")).slots());
        assertEquals("slower", ((CommandResult.Understood) parser.parse("slow down please")).intent());
        assertInstanceOf(CommandResult.NotUnderstood.class, parser.parse("where are the double a batteries"));
        assertInstanceOf(CommandResult.NotUnderstood.class, parser.parse("the weather is lovely today isn't it"));
        assertInstanceOf(CommandResult.NotUnderstood.class, parser.parse(""));
    }

    @Test
    void theScorerFollowsThePublishedRule() {
        CommandResult result = new CommandResult.Understood("coffee", "orderDrink",
                Map.of("size", "large", "coffeeDrink", "latte", "roast", "dark roast"), 0.9);
        assertTrue(IntentScore.accepted("orderDrink", Map.of("size", " large", "coffeeDrink", "latte"), result),
                "trimmed values, and an extra slot does not count against it");
        assertTrue(!IntentScore.accepted("orderDrink", Map.of("size", "small"), result), "a wrong slot value");
        assertTrue(!IntentScore.accepted("orderDrink", Map.of("milkAmount", "milk"), result), "a missing slot");
        assertTrue(!IntentScore.accepted("cancel", Map.of(), result), "a wrong intent");
        assertTrue(!IntentScore.accepted("orderDrink", Map.of(), new CommandResult.NotUnderstood("no")));
    }

    private void assertError(String yaml, String expected) throws IOException {
        Path file = dir.resolve("context.yaml");
        Files.writeString(file, yaml);
        ContextException error = assertThrows(ContextException.class, () -> CommandContext.load(file));
        assertTrue(error.getMessage().contains(file.toString()) && error.getMessage().contains(expected),
                "expected \"" + expected + "\" in: " + error.getMessage());
    }
}
