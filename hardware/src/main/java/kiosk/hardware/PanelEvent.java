package kiosk.hardware;

/** What the panel reports to the kiosk. */
public sealed interface PanelEvent {

    record TalkPressed() implements PanelEvent {
    }

    record TalkReleased() implements PanelEvent {
    }

    record StaffPressed() implements PanelEvent {
    }

    record PresenceChanged(boolean present) implements PanelEvent {
    }

    /** A question typed at a console panel (or the path of a WAV file holding one). */
    record TypedText(String text) implements PanelEvent {
    }

    /** The console's operator asked to stop the kiosk. */
    record Quit() implements PanelEvent {
    }

    /** A device failed (reported once) or came back; the kiosk goes on by voice alone meanwhile. */
    record Fault(String component, String message, boolean recovered) implements PanelEvent {
    }
}
