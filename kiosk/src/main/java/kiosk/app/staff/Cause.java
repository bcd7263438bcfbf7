package kiosk.app.staff;

import java.util.Locale;

/** Why the kiosk called a team member. */
public enum Cause {
    /** The staff button on the panel. */
    STAFF_BUTTON,
    /** The shopper asked for a person. */
    ASKED_FOR_PERSON,
    /** Turns in a row the kiosk did not catch. */
    NOT_CAUGHT,
    /** Words of frustration ("this is useless"). */
    FRUSTRATED,
    /** The same question twice in one session. */
    REPEATED_QUESTION,
    /** A voice louder than the configured level. */
    RAISED_VOICE,
    /** Answers in a row the kiosk was unsure of. */
    LOW_CONFIDENCE,
    /** The talk button pressed while the kiosk had no store knowledge to answer from. */
    OUT_OF_SERVICE;

    /** The word in journals, reports, metrics and messages: {@code asked_for_person}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
