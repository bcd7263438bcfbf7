package kiosk.app.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import kiosk.app.config.KioskConfig;
import kiosk.hardware.HardwareException;
import kiosk.hardware.Panel;
import kiosk.hardware.PanelFactory;
import kiosk.hardware.PanelSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kioskctl test-panel}: walks a technician through the display, the lights and the buttons of the panel the
 * configuration describes. Stop the kiosk first ({@code systemctl stop kiosk}): its pins are the kiosk's while it runs.
 */
@Command(name = "test-panel", description = "Walk through the display, lights, buttons and presence sensor.")
final class CtlTestPanelCommand implements Callable<Integer> {

    @Option(names = "--wait", defaultValue = "15", description = "Seconds to wait for each press (default: 15).")
    private int waitSeconds;

    @Override
    public Integer call() throws Exception {
        KioskConfig config = Configuration.load();
        PanelSettings settings = Configuration.panel(config);
        if (settings.kind().equals("console") || settings.kind().equals("auto") && !PanelFactory.onRaspberryPi()) {
            System.err.println("kioskctl: this machine has no GPIO panel (panel.kind is " + settings.kind()
                    + (PanelFactory.onRaspberryPi() ? "" : " and this is no Raspberry Pi")
                    + "); the console panel is the terminal itself, nothing to test");
            return ExitCode.NO_DEVICE;
        }
        Panel panel;
        try {
            panel = PanelFactory.open(settings, System.in, System.out);
        } catch (HardwareException e) {
            System.err.println("kioskctl: the panel cannot start: " + e.getMessage() + " (is the kiosk running? "
                    + "systemctl stop kiosk)");
            return ExitCode.NO_DEVICE;
        }
        try (panel) {
            BufferedReader answers = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            List<PanelWalkthrough.Step> steps = new PanelWalkthrough(panel, answers, System.out,
                    Duration.ofSeconds(waitSeconds), settings.presenceSensor() >= 0).run();
            return steps.stream().allMatch(PanelWalkthrough.Step::passed) ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }
}
