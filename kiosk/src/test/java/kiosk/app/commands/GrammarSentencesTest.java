package kiosk.app.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sentences a context gives the recognizer's grammar. */
class GrammarSentencesTest {

    @TempDir
    Path dir;

    @Test
    void everySentenceIsACommandOfItsContextAndEveryPhraseOccurs() {
        CommandContext store = CommandContext.load(CommandContextTest.STORE_COMMANDS);
        List<String> sentences = store.grammarSentences();
        CommandParser parser = new CommandParser(List.of(store));
        for (String sentence : sentences) {
            CommandResult.Understood understood = assertInstanceOf(CommandResult.Understood.class,
                    parser.parse(sentence), sentence);
            assertEquals(1.0, understood.confidence(), sentence);
        }
        for (String aisle : store.slotTypes().get("aisle")) {
            assertTrue(sentences.stream().anyMatch(s -> (" " + s + " ").contains(" aisle " + aisle + " ")),
                    "aisle " + aisle + " occurs in a sentence");
        }
        for (String phrase : List.of("say that again", "that's enough", "never mind", "a team member", "over to")) {
            assertTrue(sentences.stream().anyMatch(s -> s.contains(phrase)), phrase);
        }
        assertTrue(sentences.stream().anyMatch(s -> s.endsWith("please"))
                && sentences.stream().anyMatch(s -> s.startsWith("price check") && !s.endsWith("please")),
                "optional words are said in some sentences and left out in others");
    }

    @Test
    void everyExpressionGivesAsManySentencesAsItsContextsLargestChoice() throws IOException {
        Path file = dir.resolve("tea.yaml");
        Files.writeString(file, "context:\n  expressions:\n    order:\n      - \"[a, one] $size:size tea (please)\"\n"
                + "      - \"tea\"\n    cancel:\n      - \"[cancel, stop] (that)\"\n"
                + "  slots:\n    size: [small, medium, large, extra large]\n");
        List<String> sentences = CommandContext.load(file).grammarSentences();
        assertEquals(3 * 4, sentences.size(), sentences.toString());
        assertEquals(List.of("tea", "tea", "tea", "tea"), sentences.subList(4, 8), "each expression counts the same");
        Map<String, Long> sizes = sentences.subList(0, 4).stream()
                .collect(Collectors.groupingBy(s -> s.replaceAll("^(a|one) ", "").replaceAll(" tea.*", ""),
                        TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("small", 1L, "medium", 1L, "large", 1L, "extra large", 1L), sizes,
                "each slot phrase once: dealt, not drawn");
        List<String> cancels = sentences.subList(8, 12);
        assertEquals(2, cancels.stream().filter(s -> s.startsWith("cancel")).count(), cancels.toString());
        assertEquals(2, cancels.stream().filter(s -> s.endsWith(" that")).count(), "an optional word is an option too");
        assertEquals(sentences, CommandContext.load(file).grammarSentences(), "the same context, the same grammar");
    }

    @Test
    void aContextWithAHugeSlotStaysWithinTheGrammarsSize() throws IOException {
        Path file = dir.resolve("aisles.yaml");
        String numbers = IntStream.range(0, 3000).mapToObj(i -> "\"bay " + i + "\"").collect(Collectors.joining(", "));
        List<String> expressions = new ArrayList<>();
        for (String verb : List.of("go to", "take me to", "where is", "find", "show me", "guide me to", "lead me to",
                "walk me to", "directions to", "navigate to")) {
            expressions.add("      - \"" + verb + " $bay:bay\"\n");
        }
        Files.writeString(file, "context:\n  expressions:\n    go:\n" + String.join("", expressions)
                + "  slots:\n    bay: [" + numbers + "]\n");
        List<String> sentences = CommandContext.load(file).grammarSentences();
        assertEquals(GrammarSentences.MAX_SENTENCES, sentences.size());
    }

    @Test
    void theCoffeeContextGivesEveryMilkAndSugarPhrase() {
        Path coffee = Path.of(System.getProperty("kiosk.shared", "../../shared"),
                "data/speech-to-intent/coffee_maker.yaml");
        Assumptions.assumeTrue(Files.exists(coffee), "shared data not found at " + coffee + "; skipping");
        CommandContext context = CommandContext.load(coffee);
        List<String> sentences = context.grammarSentences();
        // 80 expressions, 36 milk phrases: the largest choice
        assertEquals(80 * 36, sentences.size());
        for (String milk : context.slotTypes().get("milkAmount")) {
            assertTrue(sentences.stream().anyMatch(s -> s.contains("with " + milk) || s.contains("and " + milk)), milk);
        }
        assertTrue(sentences.stream().noneMatch(s -> s.endsWith(" and") || s.endsWith(" with")));
    }
}
