package kiosk.hardware;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import org.tinylog.Logger;

/**
 * The kiosk's panel on a Raspberry Pi: buttons, lights and the presence sensor on GPIO, the display on I2C, all
 * through Pi4J.
 *
 * <p>The talk button is held to talk: its press is {@link PanelEvent.TalkPressed}, its release
 * {@link PanelEvent.TalkReleased}. A long hold of the talk button is deliberately <em>not</em> a staff call: holding
 * is how a shopper speaks, and a question easily lasts longer than the long-press time. Staff are called with the
 * staff button, whose press is {@link PanelEvent.StaffPressed}; its release means nothing.
 *
 * <p>Hardware faults never reach the caller as exceptions; they become {@link PanelEvent.Fault} events, reported once.
 * A display that does not answer is left alone (the kiosk goes on by voice) and initialised again in the background
 * every {@link Timing#displayRetry()}; when it answers, that is reported and the last text drawn again. A button
 * that reads pressed for longer than {@link Timing#stuckButton()} (a jammed button, a shorted wire) is reported, and
 * its release only ends the fault. A light or the presence sensor that fails is reported once and not trusted to
 * say when it works again: {@link GpioLed} writes only changes, so a quiet tick proves nothing.
 *
 * <p>Threads: a ticker runs the buttons' debouncing, the light patterns and the presence hold time every
 * {@link Timing#tick()}; a display thread runs the retries, so that a slow initialisation never holds up a button.
 * The event listener is called on these threads, on Pi4J's input thread and on the caller's, and must not block.
 */
public final class GpioPanel implements Panel {

    /** Pi4J ids of the parts, as they appear in the context's registry. */
    static final String TALK_BUTTON = "talk-button";
    static final String STAFF_BUTTON = "staff-button";
    static final String LISTENING_LIGHT = "listening-light";
    static final String STAFF_LIGHT = "staff-light";
    static final String PRESENCE_SENSOR = "presence-sensor";
    static final String DISPLAY = "display";

    /**
     * The panel's times and its clock; tests pass a clock they move by hand and a pause that does not sleep.
     *
     * @param nanoClock    a monotonic clock in nanoseconds
     * @param pause        the waits the LCD controller needs between steps
     * @param tick         how often the buttons, lights and presence sensor are looked at
     * @param displayRetry how long after a display fault its initialisation is tried again
     * @param stuckButton  how long a button may read pressed before it counts as stuck
     * @param presenceHold how long without motion before the shopper counts as gone
     */
    public record Timing(LongSupplier nanoClock, Hd44780Lcd.Pause pause, Duration tick, Duration displayRetry,
                         Duration stuckButton, Duration presenceHold) {

        /** Buttons are looked at every 5 ms: well inside a 30 ms debounce, and cheap. */
        public static Timing defaults() {
            return new Timing(System::nanoTime, Hd44780Lcd.Pause.REAL, Duration.ofMillis(5), Duration.ofSeconds(10),
                    Duration.ofSeconds(30), Duration.ofSeconds(10));
        }
    }

    private final Context pi4j;
    private final boolean ownsContext;
    private final PanelSettings settings;
    private final Timing timing;
    /** Everything opened, in order; closed in reverse, so the display goes dark before the pins are let go. */
    private final List<AutoCloseable> parts = new ArrayList<>();
    private final List<Button> buttons = new ArrayList<>();
    private final Optional<GpioLed> listeningLight;
    private final Optional<GpioLed> staffLight;
    private final Optional<PresenceSensor> presence;
    private final Optional<Display> display;
    private final FaultOnce lightsFault = new FaultOnce("lights");
    private final FaultOnce presenceFault = new FaultOnce("presence sensor");
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            daemon("gpio-panel-ticker"));
    private final ExecutorService displayThread = Executors.newSingleThreadExecutor(daemon("gpio-panel-display"));
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Consumer<PanelEvent> listener = event -> { };

    /** The panel on a context the caller owns and shuts down after {@link #close()}. */
    public static GpioPanel open(Context pi4j, PanelSettings settings) {
        return open(pi4j, settings, Timing.defaults());
    }

    public static GpioPanel open(Context pi4j, PanelSettings settings, Timing timing) {
        return new GpioPanel(pi4j, settings, timing, i2cDisplay(pi4j, settings), false);
    }

    /** Opens the display's I2C device; called again on each retry until it succeeds (the bus may be missing). */
    static Supplier<ByteSink> i2cDisplay(Context pi4j, PanelSettings settings) {
        return () -> new I2cByteSink(pi4j, DISPLAY, settings.i2cBus(), settings.displayAddress());
    }

    /**
     * Creates the pins; the display is initialised by {@link #start()}, once faults have a listener. Throws
     * {@link HardwareException} naming the part whose pin could not be set up, having let go of the others.
     *
     * @param displaySink opens the display's bytes' way out (tests pass one that fails at will)
     * @param ownsContext whether {@link #close()} shuts the context down
     */
    GpioPanel(Context pi4j, PanelSettings settings, Timing timing, Supplier<ByteSink> displaySink,
              boolean ownsContext) {
        this.pi4j = pi4j;
        this.settings = settings;
        this.timing = timing;
        this.ownsContext = ownsContext;
        try {
            fitted("talk button", settings.talkButton(), pin -> new Button(TALK_BUTTON, "talk button", pin,
                    new PanelEvent.TalkPressed(), Optional.of(new PanelEvent.TalkReleased())))
                    .ifPresent(buttons::add);
            fitted("staff button", settings.staffButton(), pin -> new Button(STAFF_BUTTON, "staff button", pin,
                    new PanelEvent.StaffPressed(), Optional.empty()))
                    .ifPresent(buttons::add);
            LongSupplier millis = () -> timing.nanoClock().getAsLong() / 1_000_000;
            listeningLight = fitted("listening light", settings.listeningLight(),
                    pin -> new GpioLed(pi4j, LISTENING_LIGHT, pin, millis));
            staffLight = fitted("staff light", settings.staffLight(),
                    pin -> new GpioLed(pi4j, STAFF_LIGHT, pin, millis));
            presence = fitted("presence sensor", settings.presenceSensor(),
                    pin -> new PresenceSensor(pi4j, PRESENCE_SENSOR, pin, timing.presenceHold(), timing.nanoClock(),
                            present -> emit(new PanelEvent.PresenceChanged(present))));
        } catch (RuntimeException e) {
            closeParts();
            if (ownsContext) {
                pi4j.shutdown();
            }
            throw e;
        }
        if (settings.display().equals("none")) {
            display = Optional.empty();
        } else {
            Display made = new Display(displaySink);
            parts.add(made);
            display = Optional.of(made);
        }
    }

    private <T extends AutoCloseable> Optional<T> fitted(String part, int pin, IntFunction<T> create) {
        if (pin == PanelSettings.NOT_FITTED) {
            return Optional.empty();
        }
        try {
            T made = create.apply(pin);
            parts.add(made);
            return Optional.of(made);
        } catch (RuntimeException e) {
            throw new HardwareException("the " + part + " on GPIO " + pin + " could not be set up: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void onEvent(Consumer<PanelEvent> eventListener) {
        this.listener = eventListener;
    }

    /** Reads the buttons' levels, initialises the display (a fault is reported, not thrown) and starts the ticker. */
    @Override
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the GPIO panel is already started");
        }
        buttons.forEach(Button::readLevel);
        display.ifPresent(screen -> screen.attempt(clock()).ifPresent(this::emit));
        ticker.scheduleWithFixedDelay(this::tick, 0, timing.tick().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void tick() {
        try {
            long now = clock();
            buttons.forEach(button -> button.tick(now));
            lightsFault.guard(() -> {
                listeningLight.ifPresent(GpioLed::tick);
                staffLight.ifPresent(GpioLed::tick);
            });
            presence.ifPresent(sensor -> presenceFault.guard(sensor::tick));
            display.ifPresent(screen -> {
                if (screen.retryDue(now)) {
                    displayThread.execute(() -> screen.attempt(clock()).ifPresent(this::emit));
                }
            });
        } catch (RuntimeException e) {
            // a periodic task that throws is never run again: the buttons would go dead
            Logger.error(e, "the GPIO panel's ticker");
        }
    }

    @Override
    public void show(String top, String bottom, Optional<String> aisle) {
        if (!closed.get()) {
            display.ifPresent(screen -> screen.show(new Shown(top, bottom, aisle), clock()).ifPresent(this::emit));
        }
    }

    @Override
    public void lights(Light listening, Light staff) {
        if (!closed.get()) {
            lightsFault.guard(() -> {
                listeningLight.ifPresent(light -> light.show(listening));
                staffLight.ifPresent(light -> light.show(staff));
            });
        }
    }

    /** "GPIO panel: LCD 16x2 at 0x27 on I2C bus 1, talk button GPIO 17, ..., no presence sensor". */
    @Override
    public String description() {
        String lights = settings.listeningLight() != PanelSettings.NOT_FITTED
                && settings.staffLight() != PanelSettings.NOT_FITTED
                ? "lights GPIO " + settings.listeningLight() + "/" + settings.staffLight()
                : part("listening light", settings.listeningLight()) + ", "
                        + part("staff light", settings.staffLight());
        return "GPIO panel: " + (display.isPresent() ? displayName() : "no display") + ", "
                + part("talk button", settings.talkButton()) + ", " + part("staff button", settings.staffButton())
                + ", " + lights + ", " + part("presence sensor", settings.presenceSensor());
    }

    private static String part(String name, int pin) {
        return pin == PanelSettings.NOT_FITTED ? "no " + name : name + " GPIO " + pin;
    }

    private String displayName() {
        String model = switch (settings.display()) {
            case "lcd-16x2" -> "LCD 16x2";
            case "lcd-20x4" -> "LCD 20x4";
            default -> "OLED 128x64";
        };
        return String.format("%s at 0x%02X on I2C bus %d", model, settings.displayAddress(), settings.i2cBus());
    }

    /** Stops the threads, blanks the display, lets go of every pin and device once; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stop(ticker);
        stop(displayThread);
        closeParts();
        if (ownsContext) {
            pi4j.shutdown();
        }
    }

    private void closeParts() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                // the others must still be let go of
                Logger.warn(e, "closing a part of the GPIO panel");
            }
        }
    }

    private static void stop(ExecutorService executor) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private long clock() {
        return timing.nanoClock().getAsLong();
    }

    private void emit(PanelEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            // the listener's bug must not stop the ticker or the display thread that called it
            Logger.error(e, "the panel's event listener failed on {}", event);
        }
    }

    /** What was last asked to be shown, kept to draw it again when the display comes back. */
    private record Shown(String top, String bottom, Optional<String> aisle) {
    }

    /** A button: its gestures become panel events, and a line held down too long is reported as stuck. */
    private final class Button implements AutoCloseable {
        private final String id;
        private final String part;
        private final int pin;
        private final PanelEvent onPress;
        private final Optional<PanelEvent> onRelease;
        private final GpioButton gpio;
        private boolean held;
        private long heldSince;
        private boolean stuck;

        Button(String id, String part, int pin, PanelEvent onPress, Optional<PanelEvent> onRelease) {
            this.id = id;
            this.part = part;
            this.pin = pin;
            this.onPress = onPress;
            this.onRelease = onRelease;
            this.gpio = new GpioButton(pi4j, id, pin, new ButtonGestures(settings.debounce(), settings.longPress()),
                    this::on, timing.nanoClock());
        }

        /** A line already low at start (a button held, a wire shorted) gives no edge, so its level is read once. */
        void readLevel() {
            gpio.level(pi4j.registry().get(id, DigitalInput.class).state() == DigitalState.LOW);
        }

        private synchronized void on(ButtonEvent event) {
            if (event instanceof ButtonEvent.Pressed) {
                held = true;
                heldSince = clock();
                emit(onPress);
            } else if (event instanceof ButtonEvent.Released) {
                held = false;
                if (stuck) {
                    stuck = false;
                    emit(new PanelEvent.Fault(part, "GPIO " + pin + " was released: the button works again", true));
                } else {
                    onRelease.ifPresent(GpioPanel.this::emit);
                }
            }
            // a LongPress makes no event: see the class comment
        }

        void tick(long now) {
            // outside this button's lock: GpioButton calls on() holding its own lock, the other way round
            gpio.tick();
            checkStuck(now);
        }

        private synchronized void checkStuck(long now) {
            if (held && !stuck && now - heldSince >= timing.stuckButton().toNanos()) {
                stuck = true;
                emit(new PanelEvent.Fault(part, "stuck pressed: GPIO " + pin + " has read pressed for more than "
                        + timing.stuckButton().toSeconds() + " s (a jammed button or a shorted wire); it is ignored "
                        + "until released", false));
            }
        }

        @Override
        public void close() {
            gpio.close();
        }
    }

    /**
     * A part that is reported once when it first fails. Runs the part's actions under its lock, so that
     * {@link GpioPanel#lights} on the caller's thread and the ticker take turns.
     */
    private final class FaultOnce {
        private final String part;
        private boolean reported;

        FaultOnce(String part) {
            this.part = part;
        }

        synchronized void guard(Runnable action) {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (!reported) {
                    reported = true;
                    emit(new PanelEvent.Fault(part, e.getMessage() + "; the kiosk goes on without it", false));
                }
            }
        }
    }

    /** The display and its fault state, where {@link #show} and the retries on the display thread meet. */
    private final class Display implements AutoCloseable {
        private final Supplier<ByteSink> opener;
        private ByteSink sink;
        /** Made once the sink is open; until then, and while {@link #ready} is false, nothing is written. */
        private Screen screen;
        private Shown last;
        private boolean ready;
        /** A fault was reported and its recovery not yet. */
        private boolean faulted;
        private long retryAt = Long.MAX_VALUE;

        Display(Supplier<ByteSink> opener) {
            this.opener = opener;
        }

        /** Opens and initialises the display and draws the last text; returns the fault or recovery to report. */
        synchronized Optional<PanelEvent> attempt(long now) {
            try {
                if (screen == null) {
                    sink = opener.get();
                    screen = screen(sink);
                }
                screen.init();
                if (last != null) {
                    screen.draw(last);
                }
            } catch (RuntimeException e) {
                // a RuntimeException, not only a HardwareException: Pi4J's own, when the bus itself is missing
                return failed(e, now);
            }
            ready = true;
            if (!faulted) {
                return Optional.empty();
            }
            faulted = false;
            return Optional.of(new PanelEvent.Fault("display", "the " + displayName() + " answers again", true));
        }

        synchronized Optional<PanelEvent> show(Shown text, long now) {
            last = text;
            if (!ready) {
                return Optional.empty(); // not started, or failed: the next initialisation draws it
            }
            try {
                screen.draw(text);
                return Optional.empty();
            } catch (RuntimeException e) {
                return failed(e, now);
            }
        }

        /** Whether a retry is due; claims it, so that the ticker hands over one per interval. */
        synchronized boolean retryDue(long now) {
            if (ready || now < retryAt) {
                return false;
            }
            retryAt = now + timing.displayRetry().toNanos();
            return true;
        }

        private Optional<PanelEvent> failed(RuntimeException e, long now) {
            ready = false;
            retryAt = now + timing.displayRetry().toNanos();
            if (faulted) {
                return Optional.empty();
            }
            faulted = true;
            return Optional.of(new PanelEvent.Fault("display", "the " + displayName() + " does not answer ("
                    + e.getMessage() + "); the kiosk goes on by voice and tries it again every "
                    + timing.displayRetry().toSeconds() + " s", false));
        }

        private Screen screen(ByteSink bytes) {
            return switch (settings.display()) {
                case "lcd-16x2" -> new LcdScreen(new Hd44780Lcd(bytes, 16, 2, timing.pause()));
                case "lcd-20x4" -> new LcdScreen(new Hd44780Lcd(bytes, 20, 4, timing.pause()));
                default -> new OledScreen(new Ssd1306Oled(bytes));
            };
        }

        /** A stopped kiosk shows nothing rather than a stale "Listening…". */
        @Override
        public synchronized void close() {
            if (ready) {
                try {
                    screen.off();
                } catch (RuntimeException e) {
                    Logger.warn("the display was not switched off: {}", e.getMessage());
                }
            }
            if (sink instanceof I2cByteSink i2c) {
                i2c.close();
            }
        }
    }

    private interface Screen {
        /** The power-up sequence, leaving the screen blank. */
        void init();

        void draw(Shown text);

        /** Blank and dark. */
        void off();
    }

    private static final class LcdScreen implements Screen {
        private final Hd44780Lcd lcd;

        LcdScreen(Hd44780Lcd lcd) {
            this.lcd = lcd;
        }

        @Override
        public void init() {
            lcd.initialize();
        }

        @Override
        public void draw(Shown text) {
            List<String> rows = layout(text, lcd.columns(), lcd.rows());
            for (int row = 0; row < rows.size(); row++) {
                lcd.writeLine(row, rows.get(row));
            }
        }

        @Override
        public void off() {
            lcd.clear();
            lcd.backlight(false);
        }
    }

    private static final class OledScreen implements Screen {
        /** {@link Ssd1306Oled#showAisle} draws at most five characters, four times as large. */
        private static final int LARGE_CHARACTERS = 5;
        private final Ssd1306Oled oled;

        OledScreen(Ssd1306Oled oled) {
            this.oled = oled;
        }

        @Override
        public void init() {
            oled.init();
            oled.clear(); // after power-up the display RAM holds noise
        }

        /** An aisle is drawn large under the first line of the text; one too long for that goes on a text line. */
        @Override
        public void draw(Shown text) {
            Optional<String> aisle = text.aisle().map(GpioPanel::plain)
                    .filter(number -> number.codePointCount(0, number.length()) <= LARGE_CHARACTERS);
            if (aisle.isPresent()) {
                List<String> heading = wrap(plain(text.top()), Ssd1306Oled.TEXT_COLUMNS);
                oled.showAisle(heading.isEmpty() ? "Aisle" : heading.get(0), aisle.get());
            } else {
                oled.showText(layout(text, Ssd1306Oled.TEXT_COLUMNS, Ssd1306Oled.PAGES));
            }
        }

        @Override
        public void off() {
            oled.clear();
            oled.power(false);
        }
    }

    /**
     * The rows to show: the top and the bottom text wrapped at spaces, the bottom given up to half the rows and the
     * top the rest; with an aisle, the last row is "Aisle 7", centred. What does not fit is cut.
     */
    private static List<String> layout(Shown text, int columns, int rows) {
        int textRows = text.aisle().isPresent() ? rows - 1 : rows;
        List<String> top = wrap(plain(text.top()), columns);
        List<String> bottom = wrap(plain(text.bottom()), columns);
        int bottomRows = Math.min(bottom.size(), textRows / 2);
        int topRows = Math.min(top.size(), textRows - bottomRows);
        bottomRows = Math.min(bottom.size(), textRows - topRows); // rows the top text left free
        List<String> lines = new ArrayList<>(top.subList(0, topRows));
        lines.addAll(bottom.subList(0, bottomRows));
        while (lines.size() < textRows) {
            lines.add("");
        }
        text.aisle().ifPresent(aisle -> lines.add(centred("Aisle " + plain(aisle), columns)));
        return lines;
    }

    /** Words go on a row while they fit; a word longer than a row is broken where the row ends. */
    private static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String rest = word;
            while (!rest.isEmpty()) {
                int room = line.length() == 0 ? columns : columns - line.length() - 1;
                if (rest.length() <= room) {
                    line.append(line.length() == 0 ? "" : " ").append(rest);
                    rest = "";
                } else if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                } else {
                    lines.add(rest.substring(0, columns));
                    rest = rest.substring(columns);
                }
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String centred(String text, int columns) {
        return text.length() >= columns ? text.substring(0, columns) : " ".repeat((columns - text.length()) / 2) + text;
    }

    /**
     * Both displays' fonts are ASCII: typographic marks become their ASCII look-alikes ("Listening…" would end in a
     * '?') and accents are dropped (café → cafe); anything else is left for the driver to show as '?'.
     */
    private static String plain(String text) {
        String ascii = text.replace("\u2026", "...").replace('\u2018', '\'').replace('\u2019', '\'')
                .replace('\u201C', '"').replace('\u201D', '"').replace('\u2013', '-').replace('\u2014', '-');
        return Normalizer.normalize(ascii, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
