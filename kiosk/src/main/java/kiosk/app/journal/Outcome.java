package kiosk.app.journal;

import java.util.Locale;

import kiosk.app.dialogue.Reply;

/** How a turn ended, as the journal and the reports count it. */
public enum Outcome {
    ANSWERED, CLARIFIED, NOT_FOUND, ESCALATED, NOT_HEARD;

    /** The outcome of a reply: a staff call first, then what the understanding made of the words. */
    public static Outcome of(Reply reply) {
        if (reply.escalate()) {
            return ESCALATED;
        }
        if (reply.heard().isBlank()) {
            return NOT_HEARD;
        }
        return switch (reply.intent()) {
            case "not_found" -> NOT_FOUND;
            case "clarify" -> CLARIFIED;
            case "not_understood" -> NOT_HEARD;
            default -> ANSWERED;
        };
    }

    /** The word stored in the database and shown in reports: {@code not_found}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
