package kiosk.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Issue 14, finding 7: ANSI escapes and NUL in typed text, product names or answers never reach the terminal raw. */
class PrintableTextTest {

    @Test
    void escapeSequencesAndControlCharactersAreRemoved() {
        assertEquals("red text", PrintableText.of("\u001B[31mred\u001B[0m text"));
        assertEquals("title gone", PrintableText.of("\u001B]0;pwned\u0007title gone"));
        assertEquals("nul and bell", PrintableText.of("nul\u0000 and bell\u0007"));
        assertEquals("csi", PrintableText.of("\u009B2Jcsi"));
        assertEquals("bidi", PrintableText.of("\u202Ebidi\u202C"));
        assertEquals("two\nlines\tkept", PrintableText.of("two\nlines\tkept"));
        assertEquals("one line", PrintableText.line("one\nline"));
        assertEquals("café 2 €", PrintableText.of("café 2 €"), "printable text is left alone");
    }

    @Test
    void theConsolePanelShowsAndReadsNoControlCharacters() throws InterruptedException {
        String typed = "where \u001B[2Jare the\u0000 batteries\n" + "x".repeat(5000) + "\n";
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ConsolePanel panel = new ConsolePanel(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(screen, true, StandardCharsets.UTF_8), 30);
        List<PanelEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch quit = new CountDownLatch(1);
        panel.onEvent(event -> {
            events.add(event);
            if (event instanceof PanelEvent.Quit) {
                quit.countDown();
            }
        });
        panel.start();
        assertTrue(quit.await(5, TimeUnit.SECONDS));
        assertEquals(new PanelEvent.TypedText("where are the batteries"), events.get(0));
        assertEquals(new PanelEvent.TypedText("x".repeat(ConsolePanel.MAX_LINE_CHARS)), events.get(1),
                "a pasted wall of text is cut to the line limit");
        panel.show("Extension \u001B[2J\u001B[31mCord", "aisle \u00004", Optional.of("\u001B[5m4"));
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("that line was 5000 characters long; only its first 1000 are read"), shown);
        assertTrue(shown.contains("Extension Cord | aisle 4"), shown);
        assertFalse(shown.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r'), "a control character shown");
    }
}
