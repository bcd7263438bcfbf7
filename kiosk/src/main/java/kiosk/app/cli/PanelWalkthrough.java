package kiosk.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import kiosk.hardware.Light;
import kiosk.hardware.Panel;
import kiosk.hardware.PanelEvent;

/**
 * The steps of {@code kioskctl test-panel}: the display and the lights are shown and the technician says whether they
 * look right; the buttons (and the presence sensor, when there is one) are pressed and the panel must report them.
 * Faults the panel reports on the way are printed as they come.
 */
final class PanelWalkthrough {

    /** One step's outcome, for the summary. */
    record Step(String name, boolean passed, String note) {
    }

    private final Panel panel;
    private final BufferedReader answers;
    private final PrintStream out;
    private final Duration wait;
    private final boolean presenceSensor;
    private final BlockingQueue<PanelEvent> events = new LinkedBlockingQueue<>();

    PanelWalkthrough(Panel panel, BufferedReader answers, PrintStream out, Duration wait, boolean presenceSensor) {
        this.panel = panel;
        this.answers = answers;
        this.out = out;
        this.wait = wait;
        this.presenceSensor = presenceSensor;
    }

    List<Step> run() throws IOException, InterruptedException {
        panel.onEvent(event -> {
            if (event instanceof PanelEvent.Fault fault) {
                out.println("  fault: " + fault.component() + (fault.recovered() ? " recovered: " : ": ")
                        + fault.message());
            }
            events.add(event);
        });
        panel.start();
        out.println("Testing the " + panel.description());
        List<Step> steps = new ArrayList<>();
        panel.show("kioskctl test-panel", "line two", Optional.empty());
        steps.add(ask("display text", "Does the display show \"kioskctl test-panel\" and \"line two\"?"));
        panel.show("Paint", "is in", Optional.of("12"));
        steps.add(ask("display aisle", "Does the display show aisle 12?"));
        panel.lights(Light.ON, Light.OFF);
        steps.add(ask("listening light", "Is the listening light on, and the staff light off?"));
        panel.lights(Light.OFF, Light.BLINK_FAST);
        steps.add(ask("staff light", "Is the staff light blinking fast, and the listening light off?"));
        panel.lights(Light.OFF, Light.OFF);
        steps.add(press("talk button", "Press and release the talk button.", PanelEvent.TalkPressed.class,
                Optional.of(PanelEvent.TalkReleased.class)));
        steps.add(press("staff button", "Press the staff button.", PanelEvent.StaffPressed.class, Optional.empty()));
        if (presenceSensor) {
            steps.add(press("presence sensor", "Step in front of the presence sensor.",
                    PanelEvent.PresenceChanged.class, Optional.empty()));
        }
        panel.show("Test done", "", Optional.empty());
        out.println();
        for (Step step : steps) {
            out.printf("%-16s %s%s%n", step.name(), step.passed() ? "ok" : "FAILED",
                    step.note().isEmpty() ? "" : " (" + step.note() + ")");
        }
        return steps;
    }

    private Step ask(String name, String question) throws IOException {
        out.print(question + " [y/n] ");
        out.flush();
        String answer = answers.readLine();
        boolean yes = answer != null && answer.strip().toLowerCase().startsWith("y");
        return new Step(name, yes, yes ? "" : answer == null ? "no answer" : "the technician said no");
    }

    private Step press(String name, String instruction, Class<? extends PanelEvent> first,
                       Optional<Class<? extends PanelEvent>> then) throws InterruptedException {
        events.clear();
        out.println(instruction + " (waiting " + wait.toSeconds() + " s)");
        if (!awaitEvent(first)) {
            return new Step(name, false, "nothing came from it in " + wait.toSeconds() + " s: check the wiring and "
                    + "the pin in /etc/kiosk/kiosk.conf");
        }
        if (then.isPresent() && !awaitEvent(then.get())) {
            return new Step(name, false, "pressed, but the release never came: is it stuck?");
        }
        out.println("  got it");
        return new Step(name, true, "");
    }

    private boolean awaitEvent(Class<? extends PanelEvent> kind) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            PanelEvent event = events.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000),
                    TimeUnit.MILLISECONDS);
            if (kind.isInstance(event)) {
                return true;
            }
        }
        return false;
    }
}
