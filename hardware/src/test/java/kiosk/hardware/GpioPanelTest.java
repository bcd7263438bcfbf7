package kiosk.hardware;

import static kiosk.hardware.GpioPanel.DISPLAY;
import static kiosk.hardware.GpioPanel.LISTENING_LIGHT;
import static kiosk.hardware.GpioPanel.PRESENCE_SENSOR;
import static kiosk.hardware.GpioPanel.STAFF_BUTTON;
import static kiosk.hardware.GpioPanel.STAFF_LIGHT;
import static kiosk.hardware.GpioPanel.TALK_BUTTON;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GpioPanelTest {

    static final long MS = 1_000_000;

    private final Context pi4j = mockContext();
    private final FakeClock clock = new FakeClock();
    private final GpioPanel.Timing timing = new GpioPanel.Timing(clock, micros -> { }, Duration.ofMillis(1),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(10));
    private final List<PanelEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    @Test
    void theTalkButtonBouncesIntoOnePressAndOneReleaseAndAHoldIsNoStaffCall() {
        try (GpioPanel panel = started(GpioPanel.open(pi4j, PanelSettings.defaults(), timing))) {
            MockDigitalInput talk = input(TALK_BUTTON);
            // pressed at 1 s, the contact bouncing for 8 ms
            level(talk, DigitalState.LOW, 1000, 1002, 1003, 1005, 1008);
            clock.settle(1030);
            assertEquals(List.of(), events, "the level has held 22 ms of the 30 ms debounce");
            clock.settle(1040);
            assertEquals(List.of(new PanelEvent.TalkPressed()), events);
            // held for a second, past the 800 ms long press: still only talking
            level(talk, DigitalState.HIGH, 2000, 2002, 2004);
            clock.settle(2030);
            assertEquals(List.of(new PanelEvent.TalkPressed()), events);
            clock.settle(2040);
            assertEquals(List.of(new PanelEvent.TalkPressed(), new PanelEvent.TalkReleased()), events);
        }
    }

    @Test
    void theStaffButtonCallsStaffOnItsPress() {
        try (GpioPanel panel = started(GpioPanel.open(pi4j, PanelSettings.defaults(), timing))) {
            MockDigitalInput staff = input(STAFF_BUTTON);
            level(staff, DigitalState.LOW, 100);
            clock.settle(140);
            assertEquals(List.of(new PanelEvent.StaffPressed()), events);
            level(staff, DigitalState.HIGH, 500);
            clock.settle(540);
            assertEquals(List.of(new PanelEvent.StaffPressed()), events, "the release means nothing");
        }
    }

    @Test
    void theLightsDriveTheirPinsAndABlinkToggles() {
        try (GpioPanel panel = started(GpioPanel.open(pi4j, PanelSettings.defaults(), timing))) {
            DigitalOutput listening = pi4j.registry().get(LISTENING_LIGHT);
            DigitalOutput staff = pi4j.registry().get(STAFF_LIGHT);
            assertEquals(22, listening.address());
            assertEquals(23, staff.address());
            assertEquals(DigitalState.LOW, staff.state());
            panel.lights(Light.ON, Light.BLINK_FAST);
            assertEquals(DigitalState.HIGH, listening.state());
            assertEquals(DigitalState.HIGH, staff.state());
            // a fast blink is lit for 125 ms of every 250
            clock.settle(130);
            assertEquals(DigitalState.LOW, staff.state());
            clock.settle(260);
            assertEquals(DigitalState.HIGH, staff.state());
            assertEquals(DigitalState.HIGH, listening.state());
            panel.lights(Light.OFF, Light.OFF);
            assertEquals(DigitalState.LOW, listening.state());
            assertEquals(DigitalState.LOW, staff.state());
        }
    }

    @Test
    void theLcdGetsTheHd44780BytesForTheWrappedTextAndTheAisle() {
        try (GpioPanel panel = started(GpioPanel.open(pi4j, PanelSettings.defaults(), timing))) {
            I2C device = pi4j.registry().get(DISPLAY);
            assertEquals(1, device.bus());
            assertEquals(0x27, device.device());
            Hd44780LcdTest.Recorder expected = new Hd44780LcdTest.Recorder();
            Hd44780Lcd lcd = new Hd44780Lcd(expected, 16, 2, micros -> { });
            lcd.initialize();
            assertArrayEquals(expected.unsigned(), drain(device), "start initialises the LCD");

            panel.show("Listening…", "where is the paint", Optional.empty());
            int[] sent = drain(device);
            // row 0 at DDRAM 0x00 (command 0x80), then 'L' = 0x4C with RS and the backlight
            assertArrayEquals(new int[] {0x8C, 0x88, 0x0C, 0x08, 0x4D, 0x49, 0xCD, 0xC9}, Arrays.copyOf(sent, 8));
            expected.bytes.reset();
            // the ellipsis has no character on the LCD; the bottom line is cut at a word
            lcd.writeLine(0, "Listening...");
            lcd.writeLine(1, "where is the");
            assertArrayEquals(expected.unsigned(), sent);

            panel.show("The Claw Hammer is in aisle 7.", "", Optional.of("7"));
            expected.bytes.reset();
            lcd.writeLine(0, "The Claw Hammer");
            lcd.writeLine(1, "    Aisle 7");
            assertArrayEquals(expected.unsigned(), drain(device));
        }
    }

    @Test
    void theOledDrawsTheAisleLargeThroughSsd1306() {
        PanelSettings oled = new PanelSettings("gpio", 17, 27, 22, 23, -1, Duration.ofMillis(30),
                Duration.ofMillis(800), "oled-128x64", 1, 0x3C);
        try (GpioPanel panel = started(GpioPanel.open(pi4j, oled, timing))) {
            panel.show("The Claw Hammer is in aisle 7.", "", Optional.of("7"));
            panel.show("You asked:", "where is the paint", Optional.empty());
            I2C device = pi4j.registry().get(DISPLAY);
            assertEquals(0x3C, device.device());
            Hd44780LcdTest.Recorder expected = new Hd44780LcdTest.Recorder();
            Ssd1306Oled driver = new Ssd1306Oled(expected);
            driver.init();
            driver.clear();
            driver.showAisle("The Claw Hammer is in", "7");
            driver.showText(List.of("You asked:", "where is the paint"));
            assertArrayEquals(expected.unsigned(), drain(device));
        }
    }

    @Test
    void aDisplayThatStopsAnsweringIsReportedOnceAndLeftAlone() {
        Unpluggable sink = new Unpluggable(true);
        try (GpioPanel panel = started(new GpioPanel(pi4j, PanelSettings.defaults(), timing, () -> sink, false))) {
            panel.show("Hello", "", Optional.empty());
            assertEquals(List.of(), faults());
            sink.answering = false;
            panel.show("Where is", "the paint?", Optional.empty());
            assertEquals(1, faults().size());
            PanelEvent.Fault fault = faults().get(0);
            assertEquals("display", fault.component());
            assertFalse(fault.recovered());
            assertTrue(fault.message().contains("LCD 16x2 at 0x27 on I2C bus 1") && fault.message().contains("did not "
                    + "take"), fault.message());
            int tried = sink.attempts.get();
            panel.show("Paint is in aisle 7.", "", Optional.of("7"));
            clock.settle(9_000);
            assertEquals(tried, sink.attempts.get(), "nothing is written to a failed display before the retry");
            assertEquals(1, faults().size());
        }
    }

    @Test
    void aDisplayThatDidNotAnswerAtStartIsRetriedAndRedrawnWhenItAnswers() {
        Unpluggable sink = new Unpluggable(false);
        try (GpioPanel panel = started(new GpioPanel(pi4j, PanelSettings.defaults(), timing, () -> sink, false))) {
            assertEquals(List.of(false), faults().stream().map(PanelEvent.Fault::recovered).toList());
            panel.show("Paint is in aisle 7.", "", Optional.of("7"));
            int tried = sink.attempts.get();
            clock.settle(10_000);
            await(() -> sink.attempts.get() > tried, "the retry after 10 s");
            assertEquals(1, faults().size(), "a retry that fails again is not reported again");

            sink.answering = true;
            clock.settle(20_000);
            await(() -> faults().size() == 2, "the display's recovery");
            assertEquals(new PanelEvent.Fault("display", "the LCD 16x2 at 0x27 on I2C bus 1 answers again", true),
                    faults().get(1));
            Hd44780LcdTest.Recorder expected = new Hd44780LcdTest.Recorder();
            Hd44780Lcd lcd = new Hd44780Lcd(expected, 16, 2, micros -> { });
            lcd.initialize();
            lcd.writeLine(0, "Paint is in");
            lcd.writeLine(1, "    Aisle 7");
            assertArrayEquals(expected.unsigned(), sink.arrived.unsigned(), "initialised and the last text redrawn");
        }
    }

    @Test
    void aStuckButtonIsReportedOnceAndItsReleaseOnlyEndsTheFault() {
        try (GpioPanel panel = started(GpioPanel.open(pi4j, PanelSettings.defaults(), timing))) {
            MockDigitalInput talk = input(TALK_BUTTON);
            level(talk, DigitalState.LOW, 1000);
            clock.settle(1040);
            clock.settle(31_000);
            assertEquals(List.of(new PanelEvent.TalkPressed()), events, "held 30 s less the debounce");
            clock.settle(31_100);
            clock.settle(60_000);
            assertEquals(2, events.size(), events.toString());
            PanelEvent.Fault stuck = assertInstanceOf(PanelEvent.Fault.class, events.get(1));
            assertEquals("talk button", stuck.component());
            assertTrue(stuck.message().contains("stuck pressed") && stuck.message().contains("GPIO 17"),
                    stuck.message());
            assertFalse(stuck.recovered());

            level(talk, DigitalState.HIGH, 61_000);
            clock.settle(61_040);
            assertEquals(3, events.size(), "no TalkReleased: " + events);
            assertEquals(new PanelEvent.Fault("talk button", "GPIO 17 was released: the button works again", true),
                    events.get(2));
            level(talk, DigitalState.LOW, 62_000);
            clock.settle(62_040);
            assertEquals(new PanelEvent.TalkPressed(), events.get(3), "its presses count again");
        }
    }

    @Test
    void aButtonAlreadyHeldWhenThePanelStartsCountsAsPressed() {
        try (GpioPanel panel = GpioPanel.open(pi4j, PanelSettings.defaults(), timing)) {
            panel.onEvent(events::add);
            // the talk line stays LOW, as a button held or a wire shorted to ground keeps it: no edge ever comes
            input(STAFF_BUTTON).mockState(DigitalState.HIGH);
            panel.start();
            clock.settle(40);
            assertEquals(List.of(new PanelEvent.TalkPressed()), events);
        }
    }

    @Test
    void thePresenceSensorIsCreatedOnlyWhenFitted() {
        try (GpioPanel panel = started(GpioPanel.open(pi4j, PanelSettings.defaults(), timing))) {
            assertFalse(pi4j.registry().exists(PRESENCE_SENSOR));
            assertEquals(List.of(TALK_BUTTON, STAFF_BUTTON, LISTENING_LIGHT, STAFF_LIGHT, DISPLAY).stream().sorted()
                    .toList(), pi4j.registry().all().keySet().stream().sorted().toList());
        }
        PanelSettings withSensor = new PanelSettings("gpio", 17, 27, 22, 23, 4, Duration.ofMillis(30),
                Duration.ofMillis(800), "none", 1, 0x27);
        try (GpioPanel panel = started(GpioPanel.open(pi4j, withSensor, timing))) {
            assertFalse(pi4j.registry().exists(DISPLAY));
            MockDigitalInput sensor = input(PRESENCE_SENSOR);
            assertEquals(4, sensor.address());
            level(sensor, DigitalState.HIGH, 1000);
            assertEquals(List.of(new PanelEvent.PresenceChanged(true)), events);
            level(sensor, DigitalState.LOW, 2000);
            clock.settle(12_100);
            assertEquals(List.of(new PanelEvent.PresenceChanged(true), new PanelEvent.PresenceChanged(false)), events);
        }
    }

    @Test
    void theDescriptionNamesEveryPart() {
        try (GpioPanel panel = GpioPanel.open(pi4j, PanelSettings.defaults(), timing)) {
            assertEquals("GPIO panel: LCD 16x2 at 0x27 on I2C bus 1, talk button GPIO 17, staff button GPIO 27, "
                    + "lights GPIO 22/23, no presence sensor", panel.description());
        }
        PanelSettings sparse = new PanelSettings("gpio", 5, -1, 6, -1, 4, Duration.ofMillis(30),
                Duration.ofMillis(800), "oled-128x64", 3, 0x3C);
        try (GpioPanel panel = GpioPanel.open(pi4j, sparse, timing)) {
            assertEquals("GPIO panel: OLED 128x64 at 0x3C on I2C bus 3, talk button GPIO 5, no staff button, "
                    + "listening light GPIO 6, no staff light, presence sensor GPIO 4", panel.description());
        }
    }

    @Test
    void closeLetsGoOfEveryPartOnceAndLeavesACallersContextRunning() {
        GpioPanel panel = started(GpioPanel.open(pi4j, PanelSettings.defaults(), timing));
        panel.show("Hello", "", Optional.empty());
        panel.close();
        assertEquals(List.of(), List.copyOf(pi4j.registry().all().keySet()));
        assertFalse(pi4j.isShutdown());
        panel.close();
        panel.show("still here?", "", Optional.empty());
        panel.lights(Light.ON, Light.ON);
        // the pins are free again for a new panel
        GpioPanel.open(pi4j, PanelSettings.defaults(), timing).close();
    }

    @Test
    void aPanelGivenItsContextShutsItDown() {
        Context own = mockContext();
        new GpioPanel(own, PanelSettings.defaults(), timing, GpioPanel.i2cDisplay(own, PanelSettings.defaults()), true)
                .close();
        assertTrue(own.isShutdown());
    }

    @Test
    void aPinThatCannotBeSetUpIsNamedAndThePinsAlreadyTakenAreLetGo() {
        pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(STAFF_BUTTON).address(5).build());
        HardwareException e = assertThrows(HardwareException.class,
                () -> GpioPanel.open(pi4j, PanelSettings.defaults(), timing));
        assertTrue(e.getMessage().startsWith("the staff button on GPIO 27 could not be set up"), e.getMessage());
        assertFalse(pi4j.registry().exists(TALK_BUTTON));
    }

    @Test
    void settingsRefusePartsSharingAPin() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PanelSettings("gpio",
                17, 27, 22, 17, -1, Duration.ofMillis(30), Duration.ofMillis(800), "none", 1, 0x27));
        assertEquals("the staff light and the talk button are both on GPIO 17", e.getMessage());
    }

    @Nested
    class Factory {

        private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
        private final PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);

        @Test
        void consoleIsTheTerminal() {
            try (Panel panel = PanelFactory.open(kind("console"), new ByteArrayInputStream(new byte[0]), out)) {
                assertInstanceOf(ConsolePanel.class, panel);
            }
        }

        @Test
        void gpioOffARaspberryPiSaysWhatIsMissing() {
            assumeFalse(PanelFactory.onRaspberryPi(), "this machine is a Raspberry Pi");
            HardwareException e = assertThrows(HardwareException.class,
                    () -> PanelFactory.open(kind("gpio"), new ByteArrayInputStream(new byte[0]), out));
            assertTrue(e.getMessage().startsWith("the GPIO panel needs a Raspberry Pi: "), e.getMessage());
        }

        @Test
        void autoOffARaspberryPiIsTheConsole() {
            assumeFalse(PanelFactory.onRaspberryPi(), "this machine is a Raspberry Pi");
            try (Panel panel = PanelFactory.open(kind("auto"), new ByteArrayInputStream(new byte[0]), out)) {
                assertInstanceOf(ConsolePanel.class, panel);
            }
        }

        private PanelSettings kind(String kind) {
            PanelSettings d = PanelSettings.defaults();
            return new PanelSettings(kind, d.talkButton(), d.staffButton(), d.listeningLight(), d.staffLight(),
                    d.presenceSensor(), d.debounce(), d.longPress(), d.display(), d.i2cBus(), d.displayAddress());
        }
    }

    private static Context mockContext() {
        return Pi4J.newContextBuilder().add(MockDigitalInputProvider.newInstance(),
                MockDigitalOutputProvider.newInstance(), MockI2CProvider.newInstance()).build();
    }

    /** Listens to the panel, releases its buttons (a mock line starts LOW, which reads as pressed) and starts it. */
    private GpioPanel started(GpioPanel panel) {
        panel.onEvent(events::add);
        for (String button : List.of(TALK_BUTTON, STAFF_BUTTON)) {
            input(button).mockState(DigitalState.HIGH);
        }
        panel.start();
        return panel;
    }

    private MockDigitalInput input(String id) {
        return pi4j.registry().get(id);
    }

    /** Sets the line to {@code first}, then toggles it at each further time: a contact bouncing. */
    private void level(MockDigitalInput line, DigitalState first, long... millis) {
        DigitalState state = first;
        for (long at : millis) {
            clock.set(at);
            line.mockState(state);
            state = state == DigitalState.LOW ? DigitalState.HIGH : DigitalState.LOW;
        }
    }

    private List<PanelEvent.Fault> faults() {
        return events.stream().filter(PanelEvent.Fault.class::isInstance).map(PanelEvent.Fault.class::cast)
                .toList();
    }

    /** What the mock device has been written since the last drain. */
    private static int[] drain(I2C device) {
        byte[] buffer = new byte[8192];
        int read = device.read(buffer, 0, buffer.length);
        return Ssd1306OledTest.unsigned(Arrays.copyOf(buffer, read));
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 2_000 * MS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            LockSupport.parkNanos(MS / 10);
        }
    }

    /**
     * A clock the test moves by hand. It counts how often the panel's ticker read it, which tells when the ticker has
     * run whole ticks at a new time, so that whatever was due by then has happened; no sleeping and guessing.
     */
    static final class FakeClock implements LongSupplier {
        /** More reads than one tick makes (buttons, lights, sensor, stuck check): a whole tick ran after the set. */
        private static final int READS_FOR_A_WHOLE_TICK = 30;
        private final AtomicLong nanos = new AtomicLong();
        private final AtomicLong tickerReads = new AtomicLong();

        @Override
        public long getAsLong() {
            if (Thread.currentThread().getName().equals("gpio-panel-ticker")) {
                tickerReads.incrementAndGet();
            }
            return nanos.get();
        }

        void set(long millis) {
            nanos.set(millis * MS);
        }

        void settle(long millis) {
            set(millis);
            long seen = tickerReads.get();
            await(() -> tickerReads.get() >= seen + READS_FOR_A_WHOLE_TICK, "the ticker to run at " + millis + " ms");
        }
    }

    /** A display's way out that can be unplugged: it counts the transfers tried and records those that arrived. */
    static final class Unpluggable implements ByteSink {
        final Hd44780LcdTest.Recorder arrived = new Hd44780LcdTest.Recorder();
        final AtomicInteger attempts = new AtomicInteger();
        volatile boolean answering;

        Unpluggable(boolean answering) {
            this.answering = answering;
        }

        @Override
        public void write(byte[] bytes) {
            attempts.incrementAndGet();
            if (!answering) {
                throw new HardwareException("the I2C device display at bus 1, address 0x27 did not take "
                        + bytes.length + " bytes: Remote I/O error");
            }
            arrived.write(bytes);
        }
    }
}
