package kiosk.app.understanding;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which day an hours question is about: a weekday, today, tomorrow, a holiday or date, the weekend, all holidays, or
 * none named; and whether it asks about opening, closing or staying open late.
 *
 * @param date     the calendar date when one is meant (today, tomorrow, "on Christmas"): holiday hours apply to it
 * @param holidays the question asks about holiday hours in general
 */
public record DayRequest(Optional<DayOfWeek> day, boolean weekend, Focus focus, String label,
                         Optional<LocalDate> date, boolean holidays) {

    /** What about the hours is asked. */
    public enum Focus { OPENING, CLOSING, LATE, ANY }

    private static final Pattern WEEKDAY = Pattern.compile("\\b(monday|tuesday|wednesday|thursday|friday|saturday"
            + "|sunday)s?\\b");
    private static final Pattern NAMED_DAY = Pattern.compile("\\b(christmas eve|christmas day|christmas"
            + "|new years eve|new year eve|new years day|new years|new year|fourth of july|july fourth"
            + "|independence day|thanksgiving)\\b");

    public DayRequest(Optional<DayOfWeek> day, boolean weekend, Focus focus, String label) {
        this(day, weekend, focus, label, Optional.empty(), false);
    }

    static DayRequest parse(String normalized, LocalDate today) {
        Focus focus = normalized.matches(".*\\b(late|latest|how late|until when)\\b.*") ? Focus.LATE
                : normalized.matches(".*\\b(close|closes|closing)\\b.*") ? Focus.CLOSING
                : normalized.matches(".*\\b(open|opens|opening|early)\\b.*")
                        && !normalized.matches(".*\\b(are you|is the store|you guys) open\\b.*") ? Focus.OPENING
                : Focus.ANY;
        Matcher named = NAMED_DAY.matcher(normalized);
        if (named.find()) {
            // "the day after new year": another date than the holiday's, whose hours may differ
            int shift = normalized.contains("day after " + named.group(1)) ? 1
                    : normalized.contains("day before " + named.group(1)) ? -1 : 0;
            LocalDate date = namedDate(named.group(1), today).plusDays(shift);
            String label = shift == 0 ? "on " + named.group(1)
                    : "on the day " + (shift > 0 ? "after " : "before ") + named.group(1);
            return new DayRequest(Optional.of(date.getDayOfWeek()), false, focus, label, Optional.of(date), false);
        }
        Matcher weekday = WEEKDAY.matcher(normalized);
        if (weekday.find()) {
            DayOfWeek day = DayOfWeek.valueOf(weekday.group(1).toUpperCase());
            return new DayRequest(Optional.of(day), false, focus, "on " + capitalize(weekday.group(1)));
        }
        if (normalized.matches(".*\\bday after tomorrow\\b.*")) {
            LocalDate date = today.plusDays(2);
            return new DayRequest(Optional.of(date.getDayOfWeek()), false, focus, "the day after tomorrow",
                    Optional.of(date), false);
        }
        if (normalized.matches(".*\\b(tomorrow)\\b.*")) {
            LocalDate date = today.plusDays(1);
            return new DayRequest(Optional.of(date.getDayOfWeek()), false, focus, "tomorrow", Optional.of(date),
                    false);
        }
        if (normalized.matches(".*\\b(today|tonight|now|right now|this evening|this morning)\\b.*")) {
            return new DayRequest(Optional.of(today.getDayOfWeek()), false, focus, "today", Optional.of(today), false);
        }
        if (normalized.matches(".*\\b(weekend|weekends)\\b.*")) {
            return new DayRequest(Optional.empty(), true, focus, "at the weekend");
        }
        if (normalized.matches(".*\\b(holiday|holidays)\\b.*")) {
            return new DayRequest(Optional.empty(), false, focus, "", Optional.empty(), true);
        }
        if (normalized.matches(".*\\b(weekday|weekdays)\\b.*")) {
            return new DayRequest(Optional.of(DayOfWeek.MONDAY), false, focus, "on weekdays");
        }
        if (focus == Focus.OPENING || focus == Focus.CLOSING) {
            return new DayRequest(Optional.of(today.getDayOfWeek()), false, focus, "today", Optional.of(today), false);
        }
        return new DayRequest(Optional.empty(), false, focus, "");
    }

    /** The next date (today or later) of a named day. */
    private static LocalDate namedDate(String name, LocalDate today) {
        if (name.equals("thanksgiving")) {
            LocalDate thisYear = today.withMonth(11).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
            return thisYear.isBefore(today) ? today.plusYears(1).withMonth(11)
                    .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)) : thisYear;
        }
        MonthDay day = name.startsWith("christmas eve") ? MonthDay.of(12, 24)
                : name.startsWith("christmas") ? MonthDay.of(12, 25)
                : name.endsWith("eve") ? MonthDay.of(12, 31)
                : name.startsWith("new year") ? MonthDay.of(1, 1)
                : MonthDay.of(7, 4);
        LocalDate date = day.atYear(today.getYear());
        return date.isBefore(today) ? day.atYear(today.getYear() + 1) : date;
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
