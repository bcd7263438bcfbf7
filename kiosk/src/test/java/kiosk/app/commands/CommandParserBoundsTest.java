package kiosk.app.commands;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 14, finding 3: the parser's work is bounded, whatever the length of what was said or typed. */
class CommandParserBoundsTest {

    private static final Path STORE_COMMANDS = Path.of("demo-store/contexts/store-commands.yaml");

    @Test
    void aTwoThousandWordQuestionCostsNeitherGigabytesNorSeconds() {
        CommandParser parser = new CommandParser(List.of(CommandContext.load(STORE_COMMANDS)));
        String question = "please call staff to aisle four ".repeat(334); // 2,004 words
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long started = System.nanoTime();
        CommandResult result = parser.parse(question);
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        assertInstanceOf(CommandResult.NotUnderstood.class, result, "no command is 2,000 words long");
        assertTrue(allocated < 16L << 20, "the parser allocated " + (allocated >> 20) + " MB");
        assertTrue(System.nanoTime() - started < 1_000_000_000L, "the parser took more than a second");
        assertTrue(((CommandResult.NotUnderstood) result).reason().contains("more than 40 words"), result.toString());
    }

    @Test
    void commandsUpToTheWordLimitAreStillUnderstood() {
        CommandParser parser = new CommandParser(List.of(CommandContext.load(STORE_COMMANDS)));
        assertInstanceOf(CommandResult.Understood.class, parser.parse("please call a team member "
                + "to aisle four"));
    }
}
