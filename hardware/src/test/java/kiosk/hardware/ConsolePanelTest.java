package kiosk.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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

class ConsolePanelTest {

    @Test
    void typedLinesAreQuestionsAndSlashCommandsAreButtons() throws InterruptedException {
        String typed = "where is the paint\n/staff\n/here\n\n/quit\nnot read\n";
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ConsolePanel panel = new ConsolePanel(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(screen, true, StandardCharsets.UTF_8), 20);
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
        assertEquals(List.of(new PanelEvent.TypedText("where is the paint"), new PanelEvent.StaffPressed(),
                new PanelEvent.PresenceChanged(true), new PanelEvent.Quit()), events);
    }

    @Test
    void noTerminalAtAllIsAFaultNotAQuitSoAServiceKeepsRunning() throws InterruptedException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ConsolePanel panel = new ConsolePanel(new ByteArrayInputStream(new byte[0]),
                new PrintStream(screen, true, StandardCharsets.UTF_8), 20);
        List<PanelEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch reported = new CountDownLatch(1);
        panel.onEvent(event -> {
            events.add(event);
            reported.countDown();
        });
        panel.start();
        assertTrue(reported.await(5, TimeUnit.SECONDS));
        Thread.sleep(100);
        assertEquals(1, events.size(), events.toString());
        PanelEvent.Fault fault = assertInstanceOf(PanelEvent.Fault.class, events.get(0));
        assertEquals("console", fault.component());
        assertTrue(fault.message().contains("no terminal"), fault.message());
        int before = screen.size();
        panel.show("You asked:", "where is the paint", Optional.empty());
        assertEquals(before, screen.size(), "with no one to see it, the display is not written (it would be logged)");
    }

    @Test
    void theDisplayShowsTheTextTheAisleAndTheLights() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ConsolePanel panel = new ConsolePanel(new ByteArrayInputStream(new byte[0]),
                new PrintStream(screen, true, StandardCharsets.UTF_8), 20);
        panel.lights(Light.ON, Light.BLINK_FAST);
        panel.show("The Claw Hammer is in aisle 7.", "", Optional.of("7"));
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("|The Claw Hammer is  |"), shown);
        assertTrue(shown.contains("|in aisle 7.         |"), shown);
        assertTrue(shown.contains("AISLE 7   [listening on] [staff blink_fast]"), shown);
    }
}
