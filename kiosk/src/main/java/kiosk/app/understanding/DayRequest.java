package kiosk.app.understanding;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

    private static final Pattern OPENING_OR_CLOSING = Pattern.compile("\\b(open|opens|opening|early|close|closes"
            + "|closing)\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(monday|tuesday|wednesday|thursday|friday|saturday"
            + "|sunday)s?\\b");
    /**
     * Days a shopper names rather than dates. "Black Friday" and "Cyber Monday" come before the weekday: read as
     * "Friday" they got a weekday's hours while the store keeps other hours that day.
     */
    private static final Pattern NAMED_DAY = Pattern.compile("\\b(christmas eve|christmas day|christmas"
            + "|new years eve|new year eve|new years day|new years|new year|fourth of july|july fourth"
            + "|independence day|thanksgiving|black friday|cyber monday|boxing day|easter sunday|easter"
            + "|memorial day|labor day)\\b");

    private static final String MONTH = "(january|jan|february|feb|march|april|apr|may|june|july|august|aug"
            + "|september|sept|sep|october|oct|november|nov|december|dec)";
    /**
     * A day of the month as the normalizer leaves it: "2nd" is "two nd", "24th" "twenty four th", "31st" "thirty one
     * st"; said, "second", "twenty fourth".
     */
    private static final String DAY_OF_MONTH = "((?:(?:twenty|thirty) )?(?:one|two|three|four|five|six|seven|eight"
            + "|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|ten|eleven|twelve|thirteen|fourteen"
            + "|fifteen|sixteen|seventeen|eighteen|nineteen|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
            + "|sixteenth|seventeenth|eighteenth|nineteenth|twenty|twentieth|thirty|thirtieth|[0-9]{1,2})"
            + "(?: (?:st|nd|rd|th))?";
    /** A calendar date: "january two nd", "dec twenty four th", "the thirty one st of december". */
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + " (?:the )?" + DAY_OF_MONTH + "\\b");
    private static final Pattern DAY_OF_MONTH_FIRST = Pattern.compile("\\b(?:the )?" + DAY_OF_MONTH + " of " + MONTH
            + "\\b");
    private static final List<String> DAY_WORDS = List.of("", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen");
    private static final List<String> DAY_ORDINALS = List.of("", "first", "second", "third", "fourth", "fifth",
            "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
            "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth");

    /** The label of a named day's request: "on thanksgiving", "on the day after christmas". */
    private static final Pattern LABELLED = Pattern.compile("on (?:the day (after|before) )?(" + NAMED_DAY.pattern()
            .replace("\\b(", "").replace(")\\b", "") + ")");

    public DayRequest(Optional<DayOfWeek> day, boolean weekend, Focus focus, String label) {
        this(day, weekend, focus, label, Optional.empty(), false);
    }

    /**
     * Whether the question names its day (a weekday, a holiday or date, today, tomorrow, the weekend, holidays)
     * rather than meaning today because it names none ("when do you open"): parsed without its opening and closing
     * words, it asks about no day then.
     */
    public static boolean namedIn(String normalized) {
        DayRequest asked = parse(OPENING_OR_CLOSING.matcher(normalized).replaceAll(""), LocalDate.EPOCH);
        return asked.day().isPresent() || asked.weekend() || asked.holidays();
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
        Optional<LocalDate> calendar = calendarDate(normalized, today);
        if (calendar.isPresent()) {
            // "what are your hours on january 2nd": that date's hours (a named day first: "the fourth of july" is a
            // holiday the store may list for another year)
            LocalDate date = calendar.get();
            return new DayRequest(Optional.of(date.getDayOfWeek()), false, focus, "on " + date, Optional.of(date),
                    false);
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

    /** The next date (today or later) the text names by its month and day; empty when it names none that exists. */
    private static Optional<LocalDate> calendarDate(String normalized, LocalDate today) {
        Matcher monthFirst = MONTH_DAY.matcher(normalized);
        Matcher dayFirst = DAY_OF_MONTH_FIRST.matcher(normalized);
        String month;
        String day;
        if (monthFirst.find()) {
            month = monthFirst.group(1);
            day = monthFirst.group(2);
        } else if (dayFirst.find()) {
            day = dayFirst.group(1);
            month = dayFirst.group(2);
        } else {
            return Optional.empty();
        }
        Optional<Month> named = Arrays.stream(Month.values())
                .filter(candidate -> candidate.name().toLowerCase(Locale.ROOT).startsWith(month)).findFirst();
        int dayOfMonth = dayOfMonth(day);
        if (named.isEmpty() || dayOfMonth < 1 || dayOfMonth > named.get().maxLength()) {
            return Optional.empty();
        }
        for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
            if (dayOfMonth <= named.get().length(Year.isLeap(year))) {
                LocalDate date = LocalDate.of(year, named.get(), dayOfMonth);
                if (!date.isBefore(today)) {
                    return Optional.of(date);
                }
            }
        }
        return Optional.empty();
    }

    /** "twenty four" → 24, "second" → 2, "31" → 31; 0 for words that are no day of a month. */
    private static int dayOfMonth(String words) {
        if (words.matches("[0-9]+")) {
            return Integer.parseInt(words);
        }
        if (words.equals("twentieth") || words.equals("thirtieth")) {
            return words.startsWith("tw") ? 20 : 30;
        }
        int tens = words.startsWith("twenty") ? 20 : words.startsWith("thirty") ? 30 : 0;
        String rest = words.replaceFirst("^(twenty|thirty) ?", "");
        if (rest.isEmpty()) {
            return tens;
        }
        int unit = Math.max(DAY_WORDS.indexOf(rest), DAY_ORDINALS.indexOf(rest));
        return unit < 1 ? 0 : tens + unit;
    }

    /** The next date (today or later) of a named day. */
    private static LocalDate namedDate(String name, LocalDate today) {
        LocalDate thisYear = dateIn(name, today.getYear());
        return thisYear.isBefore(today) ? dateIn(name, today.getYear() + 1) : thisYear;
    }

    /** The date of a named day ({@link #NAMED_DAY}) in a year. */
    private static LocalDate dateIn(String name, int year) {
        return switch (name) {
            // the fourth Thursday of November, and the Friday and Monday after it
            case "thanksgiving" -> thanksgiving(year);
            case "black friday" -> thanksgiving(year).plusDays(1);
            case "cyber monday" -> thanksgiving(year).plusDays(4);
            case "memorial day" -> LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
            case "labor day" -> LocalDate.of(year, 9, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
            case "easter", "easter sunday" -> easter(year);
            case "boxing day" -> LocalDate.of(year, 12, 26);
            case "christmas eve" -> LocalDate.of(year, 12, 24);
            case "christmas day", "christmas" -> LocalDate.of(year, 12, 25);
            case "new years eve", "new year eve" -> LocalDate.of(year, 12, 31);
            case "new years day", "new years", "new year" -> LocalDate.of(year, 1, 1);
            default -> LocalDate.of(year, 7, 4);
        };
    }

    /**
     * The same named day ("on thanksgiving", "on the day after christmas") in another year; empty for a request
     * that names no day. A store that lists its hours for last year's Thanksgiving keeps other hours that day, so
     * a weekday's hours are no answer for this year's.
     */
    public Optional<LocalDate> inYear(int year) {
        java.util.regex.Matcher named = LABELLED.matcher(label);
        if (date.isEmpty() || !named.matches()) {
            return Optional.empty();
        }
        int shift = named.group(1) == null ? 0 : named.group(1).equals("after") ? 1 : -1;
        return Optional.of(dateIn(named.group(2), year).plusDays(shift));
    }

    private static LocalDate thanksgiving(int year) {
        return LocalDate.of(year, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
    }

    /** Western Easter Sunday (the anonymous Gregorian computus, as in Meeus). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
