package kiosk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import kiosk.hardware.GpioPanel;
import kiosk.hardware.PanelSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** kioskctl test-panel's steps on Pi4J's mock platform: a technician's answers and presses, and a dead button. */
class PanelWalkthroughTest {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private void waitFor(String text) throws InterruptedException {
        for (int i = 0; i < 200 && !screen().contains(text); i++) {
            Thread.sleep(25);
        }
        assertTrue(screen().contains(text), "'" + text + "' never shown:\n" + screen());
    }

    @Test
    void everyPartIsWalkedThroughAndADeadButtonFailsWithAHint() {
        Context pi4j = Pi4J.newContextBuilder().add(MockDigitalInputProvider.newInstance(),
                MockDigitalOutputProvider.newInstance(), MockI2CProvider.newInstance()).build();
        try (GpioPanel panel = GpioPanel.open(pi4j, PanelSettings.defaults())) {
            MockDigitalInput talk = pi4j.registry().get("talk-button");
            MockDigitalInput staff = pi4j.registry().get("staff-button");
            talk.mockState(DigitalState.HIGH);   // released: the buttons pull the line low when pressed
            staff.mockState(DigitalState.HIGH);
            Thread technician = new Thread(() -> {
                try {
                    waitFor("Press and release the talk button.");
                    talk.mockState(DigitalState.LOW);
                    Thread.sleep(150);
                    talk.mockState(DigitalState.HIGH);
                    // the staff button is left alone: its wire is "broken"
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            technician.start();
            PanelWalkthrough walkthrough = new PanelWalkthrough(panel, new BufferedReader(new StringReader(
                    "y\nyes\ny\nn\n")), new PrintStream(screen, true, StandardCharsets.UTF_8), Duration.ofSeconds(2),
                    false);
            List<PanelWalkthrough.Step> steps = assertTimeoutPreemptively(Duration.ofSeconds(20), walkthrough::run);
            assertEquals(List.of("display text", "display aisle", "listening light", "staff light", "talk button",
                    "staff button"), steps.stream().map(PanelWalkthrough.Step::name).toList());
            assertEquals(List.of(true, true, true, false, true, false),
                    steps.stream().map(PanelWalkthrough.Step::passed).toList(), screen());
            assertTrue(steps.get(5).note().contains("check the wiring and the pin"), steps.get(5).note());
            assertTrue(screen().contains("Testing the GPIO panel"), screen());
        } finally {
            pi4j.shutdown();
        }
    }
}
