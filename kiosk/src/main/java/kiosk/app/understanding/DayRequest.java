package kiosk.app.understanding;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which day an hours question is about: a weekday, today, tomorrow, the weekend, or none named; and whether it asks
 * about opening, closing or staying open late.
 */
public record DayRequest(Optional<DayOfWeek> day, boolean weekend, Focus focus, String label) {

    /** What about the hours is asked. */
    public enum Focus { OPENING, CLOSING, LATE, ANY }

    private static final Pattern WEEKDAY = Pattern.compile("\\b(monday|tuesday|wednesday|thursday|friday|saturday"
            + "|sunday)s?\\b");

    static DayRequest parse(String normalized, LocalDate today) {
        Focus focus = normalized.matches(".*\\b(late|latest|how late|until when)\\b.*") ? Focus.LATE
                : normalized.matches(".*\\b(close|closes|closing)\\b.*") ? Focus.CLOSING
                : normalized.matches(".*\\b(open|opens|opening)\\b.*")
                        && !normalized.matches(".*\\b(are you|is the store|you guys) open\\b.*") ? Focus.OPENING
                : Focus.ANY;
        Matcher weekday = WEEKDAY.matcher(normalized);
        if (weekday.find()) {
            DayOfWeek day = DayOfWeek.valueOf(weekday.group(1).toUpperCase());
            return new DayRequest(Optional.of(day), false, focus, "on " + capitalize(weekday.group(1)));
        }
        if (normalized.matches(".*\\b(tomorrow)\\b.*")) {
            return new DayRequest(Optional.of(today.plusDays(1).getDayOfWeek()), false, focus, "tomorrow");
        }
        if (normalized.matches(".*\\b(today|tonight|now|right now|this evening|this morning)\\b.*")) {
            return new DayRequest(Optional.of(today.getDayOfWeek()), false, focus, "today");
        }
        if (normalized.matches(".*\\b(weekend|weekends)\\b.*")) {
            return new DayRequest(Optional.empty(), true, focus, "at the weekend");
        }
        if (focus == Focus.OPENING || focus == Focus.CLOSING) {
            return new DayRequest(Optional.of(today.getDayOfWeek()), false, focus, "today");
        }
        return new DayRequest(Optional.empty(), false, focus, "");
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
