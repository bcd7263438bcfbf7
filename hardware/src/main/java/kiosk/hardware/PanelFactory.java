package kiosk.hardware;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;

/** Chooses the panel: the Pi4J one on a Raspberry Pi with GPIO, the console one anywhere else. */
public final class PanelFactory {

    private static final int CONSOLE_WIDTH = 40;
    private static final Path GPIO_CHIP = Path.of("/dev/gpiochip0");
    private static final Path MODEL = Path.of("/proc/device-tree/model");

    private PanelFactory() {
    }

    /** True on a Raspberry Pi whose GPIO character device exists. */
    public static boolean onRaspberryPi() {
        return whyNotRaspberryPi().isEmpty();
    }

    /** What this machine lacks to be a Raspberry Pi with GPIO, or empty when it is one. */
    private static Optional<String> whyNotRaspberryPi() {
        if (!Files.isReadable(MODEL)) {
            return Optional.of(MODEL + " is missing, so this is no Raspberry Pi");
        }
        try {
            String model = new String(Files.readAllBytes(MODEL), StandardCharsets.US_ASCII).replace("\0", "").strip();
            if (!model.contains("Raspberry Pi")) {
                return Optional.of("this machine is a '" + model + "', not a Raspberry Pi");
            }
        } catch (IOException e) {
            return Optional.of(MODEL + " cannot be read: " + e.getMessage());
        }
        return Files.exists(GPIO_CHIP) ? Optional.empty() : Optional.of(GPIO_CHIP + " is missing (no GPIO driver)");
    }

    /** The panel for the default settings on this process's terminal. */
    public static Panel open() {
        return open(PanelSettings.defaults(), System.in, System.out);
    }

    /**
     * The panel the settings ask for: {@code console} on the terminal; {@code gpio} on the Pi's pins, or a
     * {@link HardwareException} saying what is missing; {@code auto} the GPIO panel on a Raspberry Pi and the console
     * anywhere else, or when the GPIO panel cannot start (its description then says why).
     */
    public static Panel open(PanelSettings settings, InputStream in, PrintStream out) {
        return switch (settings.kind()) {
            case "console" -> new ConsolePanel(in, out, CONSOLE_WIDTH);
            case "gpio" -> gpio(settings);
            default -> onRaspberryPi() ? gpioOrConsole(settings, in, out) : new ConsolePanel(in, out, CONSOLE_WIDTH);
        };
    }

    private static Panel gpioOrConsole(PanelSettings settings, InputStream in, PrintStream out) {
        try {
            return gpio(settings);
        } catch (HardwareException e) {
            return new ExplainedConsole(new ConsolePanel(in, out, CONSOLE_WIDTH),
                    "console panel (the GPIO panel could not start: " + e.getMessage() + ")");
        }
    }

    private static Panel gpio(PanelSettings settings) {
        Optional<String> missing = whyNotRaspberryPi();
        if (missing.isPresent()) {
            throw new HardwareException("the GPIO panel needs a Raspberry Pi: " + missing.get());
        }
        Context pi4j;
        try {
            pi4j = Pi4J.newAutoContext();
        } catch (RuntimeException e) {
            throw new HardwareException("Pi4J could not start: " + e.getMessage(), e);
        }
        // the panel owns the context it is given here and shuts it down on close, or when it fails to start
        return new GpioPanel(pi4j, settings, GpioPanel.Timing.defaults(), GpioPanel.i2cDisplay(pi4j, settings), true);
    }

    /** The console panel, with a description that says why the GPIO panel is not used. */
    private static final class ExplainedConsole implements Panel {
        private final ConsolePanel console;
        private final String description;

        ExplainedConsole(ConsolePanel console, String description) {
            this.console = console;
            this.description = description;
        }

        @Override
        public void onEvent(Consumer<PanelEvent> listener) {
            console.onEvent(listener);
        }

        @Override
        public void start() {
            console.start();
        }

        @Override
        public void show(String top, String bottom, Optional<String> aisle) {
            console.show(top, bottom, aisle);
        }

        @Override
        public void lights(Light listening, Light staff) {
            console.lights(listening, staff);
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void close() {
            console.close();
        }
    }
}
