package kiosk.hardware;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The panel for machines without GPIO: the display and lights are drawn in the terminal, and typed lines act as the
 * buttons. A line is a question (or a WAV file's path); {@code /staff} presses the staff button, {@code /here} and
 * {@code /gone} play the presence sensor, {@code /quit} (or the end of input) stops the kiosk.
 */
public final class ConsolePanel implements Panel {

    /** The longest typed line read whole: a question is a sentence or two; a WAV path fits too. */
    public static final int MAX_LINE_CHARS = 1_000;

    private final BufferedReader in;
    private final PrintStream out;
    private final int width;
    private Consumer<PanelEvent> listener = event -> { };
    private Thread reader;
    private Light listening = Light.OFF;
    private Light staff = Light.OFF;
    private volatile boolean closed;
    private volatile boolean headless;

    public ConsolePanel(InputStream in, PrintStream out, int width) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.width = width;
    }

    @Override
    public void onEvent(Consumer<PanelEvent> eventListener) {
        this.listener = eventListener;
    }

    @Override
    public void start() {
        out.println("Type a question (or a WAV file's path) and press Enter. /talk listens on the microphone, "
                + "/staff calls staff, /here and /gone play the presence sensor, /quit stops.");
        reader = new Thread(this::readLines, "console-panel");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLines() {
        boolean anyLine = false;
        try {
            for (Optional<String> line = nextLine(); line.isPresent() && !closed; line = nextLine()) {
                anyLine = true;
                String typed = PrintableText.line(line.get()).strip();
                switch (typed) {
                    case "" -> { }
                    case "/quit" -> {
                        listener.accept(new PanelEvent.Quit());
                        return;
                    }
                    case "/staff" -> listener.accept(new PanelEvent.StaffPressed());
                    case "/here" -> listener.accept(new PanelEvent.PresenceChanged(true));
                    case "/gone" -> listener.accept(new PanelEvent.PresenceChanged(false));
                    default -> listener.accept(new PanelEvent.TypedText(typed));
                }
            }
        } catch (IOException e) {
            listener.accept(new PanelEvent.Fault("console", "cannot read the terminal: " + e.getMessage(), false));
        }
        if (closed) {
            return;
        }
        if (anyLine) {
            listener.accept(new PanelEvent.Quit()); // piped questions: done when they are
        } else {
            // no terminal at all (a service on a machine without GPIO: standard input is /dev/null): keep serving,
            // and stop drawing the display, which would only copy what shoppers said into the journal
            headless = true;
            listener.accept(new PanelEvent.Fault("console", "there is no terminal to read keys from; the kiosk "
                    + "keeps serving (systemctl stop kiosk ends it)", false));
        }
    }

    /**
     * The next typed line, or empty at the end of input. A line longer than {@link #MAX_LINE_CHARS} is not kept
     * whole (a paste of a whole file would fill the memory): its first characters stand for it, and the shopper
     * is told the rest was left out.
     */
    private Optional<String> nextLine() throws IOException {
        StringBuilder line = new StringBuilder();
        long dropped = 0;
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (line.length() < MAX_LINE_CHARS) {
                line.append((char) c);
            } else {
                dropped++;
            }
        }
        if (c == -1 && line.isEmpty() && dropped == 0) {
            return Optional.empty();
        }
        if (dropped > 0) {
            out.println("(that line was " + (MAX_LINE_CHARS + dropped) + " characters long; only its first "
                    + MAX_LINE_CHARS + " are read)");
        }
        return Optional.of(line.toString());
    }

    @Override
    public synchronized void show(String top, String bottom, Optional<String> aisle) {
        if (headless) {
            return;
        }
        top = PrintableText.line(top);
        bottom = PrintableText.line(bottom);
        aisle = aisle.map(PrintableText::line);
        String border = "+" + "-".repeat(width) + "+";
        out.println(border);
        for (String line : wrap(top + (bottom.isEmpty() ? "" : " | " + bottom))) {
            out.println("|" + (line + " ".repeat(width)).substring(0, width) + "|");
        }
        out.println(border + aisle.map(a -> "   AISLE " + a).orElse("") + "   " + lightsText());
        out.flush();
    }

    @Override
    public synchronized void lights(Light listeningLight, Light staffLight) {
        this.listening = listeningLight;
        this.staff = staffLight;
    }

    private String lightsText() {
        return "[listening " + listening.name().toLowerCase() + "] [staff " + staff.name().toLowerCase() + "]";
    }

    private java.util.List<String> wrap(String text) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    @Override
    public String description() {
        return "console panel (this machine has no GPIO): the terminal is the display and the buttons";
    }

    @Override
    public void close() {
        closed = true;
    }
}
