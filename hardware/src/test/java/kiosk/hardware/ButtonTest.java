package kiosk.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import org.junit.jupiter.api.Test;

class ButtonTest {

    static final long MS = 1_000_000;

    @Test
    void bouncesSettleIntoOnePressAndOneRelease() {
        ButtonGestures gestures = new ButtonGestures(Duration.ofMillis(30), Duration.ofMillis(1500));
        List<ButtonEvent> events = new ArrayList<>();
        // the contact bounces for 8 ms after the press
        long[] edges = {0, 2, 3, 5, 8};
        boolean level = true;
        for (long at : edges) {
            events.addAll(gestures.feed(level, at * MS));
            level = !level;
        }
        events.addAll(gestures.tick(20 * MS));
        assertTrue(events.isEmpty(), "nothing before the level held 30 ms: " + events);
        events.addAll(gestures.tick(38 * MS));
        assertEquals(List.of(new ButtonEvent.Pressed()), events);
        events.clear();
        events.addAll(gestures.feed(false, 400 * MS));
        events.addAll(gestures.feed(true, 402 * MS));   // a bounce on release
        events.addAll(gestures.feed(false, 404 * MS));
        events.addAll(gestures.tick(440 * MS));
        assertEquals(1, events.size());
        ButtonEvent.Released released = (ButtonEvent.Released) events.get(0);
        assertEquals(Duration.ofMillis(404 - 8), released.held());
        assertTrue(!released.afterLongPress());
    }

    @Test
    void aLongHoldIsReportedOnceWhileHeld() {
        ButtonGestures gestures = new ButtonGestures(Duration.ofMillis(30), Duration.ofMillis(1500));
        List<ButtonEvent> events = new ArrayList<>(gestures.feed(true, 0));
        for (long t = 10; t <= 2500; t += 10) {
            events.addAll(gestures.tick(t * MS));
        }
        assertEquals(List.of(new ButtonEvent.Pressed(), new ButtonEvent.LongPress()), events);
        List<ButtonEvent> release = new ArrayList<>(gestures.feed(false, 2600 * MS));
        release.addAll(gestures.tick(2700 * MS));
        assertEquals(new ButtonEvent.Released(Duration.ofMillis(2600), true), release.get(0));
    }

    @Test
    void thePi4jButtonReadsThePinThroughTheMockPlatform() {
        Context pi4j = Pi4J.newContextBuilder().add(MockDigitalInputProvider.newInstance()).build();
        AtomicLong now = new AtomicLong();
        List<ButtonEvent> events = new ArrayList<>();
        try (GpioButton button = new GpioButton(pi4j, "talk", 17,
                new ButtonGestures(Duration.ofMillis(30), Duration.ofMillis(1500)), events::add, now::get)) {
            MockDigitalInput pin = pi4j.registry().get("talk");
            pin.mockState(DigitalState.HIGH);   // released: pulled up
            button.tick();
            now.set(100 * MS);
            pin.mockState(DigitalState.LOW);    // pressed: shorted to ground
            now.set(140 * MS);
            button.tick();
            assertEquals(List.of(new ButtonEvent.Pressed()), events);
            now.set(900 * MS);
            pin.mockState(DigitalState.HIGH);
            now.set(950 * MS);
            button.tick();
            assertEquals(new ButtonEvent.Released(Duration.ofMillis(800), false), events.get(1));
        } finally {
            pi4j.shutdown();
        }
    }
}
