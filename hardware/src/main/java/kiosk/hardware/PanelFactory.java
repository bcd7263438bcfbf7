package kiosk.hardware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Chooses the panel: the Pi4J one on a Raspberry Pi with GPIO, the console one anywhere else. */
public final class PanelFactory {

    private PanelFactory() {
    }

    /** True on a Raspberry Pi whose GPIO character device exists. */
    public static boolean onRaspberryPi() {
        Path model = Path.of("/proc/device-tree/model");
        try {
            return Files.exists(Path.of("/dev/gpiochip0")) && Files.isReadable(model)
                    && new String(Files.readAllBytes(model), StandardCharsets.US_ASCII).contains("Raspberry Pi");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The console panel on this terminal. (The GPIO panel with the LCD and buttons is the next step; until it is
     * wired, a Raspberry Pi also gets the console panel, and the description says so.)
     */
    public static Panel open() {
        ConsolePanel console = new ConsolePanel(System.in, System.out, 40);
        if (onRaspberryPi()) {
            return new Panel() {
                @Override
                public void onEvent(java.util.function.Consumer<PanelEvent> listener) {
                    console.onEvent(listener);
                }

                @Override
                public void start() {
                    console.start();
                }

                @Override
                public void show(String top, String bottom, java.util.Optional<String> aisle) {
                    console.show(top, bottom, aisle);
                }

                @Override
                public void lights(Light listening, Light staff) {
                    console.lights(listening, staff);
                }

                @Override
                public String description() {
                    return "console panel (a Raspberry Pi, but the GPIO panel is not built yet)";
                }

                @Override
                public void close() {
                    console.close();
                }
            };
        }
        return console;
    }
}
