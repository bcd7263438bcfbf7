package kiosk.app.commands;

import java.util.List;

/** One way of saying an intent: its elements in order, and where it was written (for messages). */
record Expression(String intent, List<Element> elements, String source, int line) {
}
