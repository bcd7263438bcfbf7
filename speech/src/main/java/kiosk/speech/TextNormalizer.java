package kiosk.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites reply text the way a person reads it aloud, before synthesis: "$8.98" → "eight dollars ninety eight",
 * "aisle 12" → "aisle twelve", "21:00" → "nine p.m.", "08:00-21:00" → "eight a.m. to nine p.m.", "9V" → "nine volt",
 * "AA" → "double A". The store's facts stay exact in the text shown on the display; only the spoken form changes.
 */
public final class TextNormalizer {

    private static final Pattern TIME_RANGE = Pattern.compile("\\b(\\d{1,2}):(\\d{2})\\s*[-–]\\s*(\\d{1,2}):(\\d{2})\\b");
    private static final Pattern TIME = Pattern.compile("\\b(\\d{1,2}):(\\d{2})\\b");
    private static final Pattern MONEY = Pattern.compile("\\$(\\d{1,3}(?:,\\d{3})*|\\d+)(?:\\.(\\d{2}))?\\b");
    private static final Pattern VOLTS = Pattern.compile("\\b(\\d+)\\s?V\\b");
    private static final Pattern BATTERY = Pattern.compile("\\b(AAA|AA)\\b");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s?%");
    private static final Pattern ORDINAL = Pattern.compile("\\b(\\d+)(st|nd|rd|th)\\b");
    private static final Pattern DECIMAL = Pattern.compile("\\b(\\d+)\\.(\\d+)\\b");
    private static final Pattern FRACTION = Pattern.compile("\\b(1)/(2)\\b|\\b(1)/(4)\\b|\\b(3)/(4)\\b");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d{1,9}\\b");
    private static final Pattern UNIT = Pattern.compile("\\b(\\d[\\d.]*)\\s?(oz|lb|lbs|ft|gal|qt|mm|cm|kg|in)\\b");
    private static final Pattern AM_PM = Pattern.compile("\\b(\\d{1,2})\\s?(a\\.m\\.|p\\.m\\.|am|pm)(?=\\W|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_SENTENCE_ENDS = Set.of("mr", "mrs", "ms", "dr", "st", "no", "vs", "e.g", "i.e",
            "approx", "a.m", "p.m");

    public String normalize(String text) {
        String s = text.replace('’', '\'').replace("&", " and ");
        s = replace(TIME_RANGE, s, m -> clock(m.group(1), m.group(2)) + " to " + clock(m.group(3), m.group(4)));
        s = replace(TIME, s, m -> clock(m.group(1), m.group(2)));
        s = replace(AM_PM, s, m -> NumberWords.cardinal(Long.parseLong(m.group(1))) + " "
                + (m.group(2).toLowerCase(Locale.ROOT).startsWith("a") ? "a.m." : "p.m."));
        s = replace(MONEY, s, m -> money(m.group(1).replace(",", ""), m.group(2)));
        s = replace(VOLTS, s, m -> NumberWords.cardinal(Long.parseLong(m.group(1))) + " volt");
        s = replace(BATTERY, s, m -> m.group(1).length() == 2 ? "double A" : "triple A");
        s = replace(PERCENT, s, m -> number(m.group(1)) + " percent");
        s = replace(UNIT, s, m -> number(m.group(1)) + " " + unit(m.group(2)));
        s = replace(ORDINAL, s, m -> Ordinals.of(Long.parseLong(m.group(1))));
        s = replace(FRACTION, s, m -> m.group(1) != null ? "half" : m.group(3) != null ? "a quarter" : "three quarters");
        s = replace(DECIMAL, s, m -> number(m.group()));
        s = replace(NUMBER, s, m -> NumberWords.cardinal(Long.parseLong(m.group())));
        // "at 21:00." became "at nine p.m.." — one full stop is enough
        s = s.replace("a.m..", "a.m.").replace("p.m..", "p.m.");
        return s.replaceAll("\\s+", " ").strip();
    }

    /** Splits text into sentences, not at abbreviations such as "St." or "p.m." in mid-sentence. */
    public List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String[] tokens = text.strip().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.isEmpty()) {
                continue;
            }
            current.append(current.isEmpty() ? "" : " ").append(token);
            boolean ends = token.endsWith(".") || token.endsWith("!") || token.endsWith("?");
            String bare = token.replaceAll("[.!?]+$", "").toLowerCase(Locale.ROOT);
            boolean abbreviation = token.endsWith(".") && NOT_SENTENCE_ENDS.contains(bare);
            boolean nextStartsSentence = i + 1 >= tokens.length || Character.isUpperCase(tokens[i + 1].charAt(0));
            if (ends && (!abbreviation || nextStartsSentence && !bare.equals("st") && !bare.equals("dr"))) {
                sentences.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            sentences.add(current.toString());
        }
        return sentences;
    }

    private static String clock(String hourText, String minuteText) {
        int hour = Integer.parseInt(hourText);
        int minute = Integer.parseInt(minuteText);
        if (hour > 24 || minute > 59) {
            return hourText + " " + minuteText;
        }
        if (minute == 0 && hour == 12) {
            return "noon";
        }
        if (minute == 0 && (hour == 0 || hour == 24)) {
            return "midnight";
        }
        String suffix = hour < 12 || hour == 24 ? "a.m." : "p.m.";
        int twelve = hour % 12 == 0 ? 12 : hour % 12;
        String minutes = minute == 0 ? "" : minute < 10 ? " oh " + NumberWords.cardinal(minute)
                : " " + NumberWords.cardinal(minute);
        return NumberWords.cardinal(twelve) + minutes + " " + suffix;
    }

    private static String money(String dollarsText, String centsText) {
        long dollars = Long.parseLong(dollarsText);
        int cents = centsText == null ? 0 : Integer.parseInt(centsText);
        if (dollars == 0 && cents > 0) {
            return NumberWords.cardinal(cents) + (cents == 1 ? " cent" : " cents");
        }
        String spoken = NumberWords.cardinal(dollars) + (dollars == 1 ? " dollar" : " dollars");
        return cents == 0 ? spoken : spoken + " " + NumberWords.cardinal(cents);
    }

    private static String number(String digits) {
        int dot = digits.indexOf('.');
        if (dot < 0) {
            return NumberWords.cardinal(Long.parseLong(digits));
        }
        StringBuilder out = new StringBuilder(NumberWords.cardinal(Long.parseLong(digits.substring(0, dot))))
                .append(" point");
        for (char digit : digits.substring(dot + 1).toCharArray()) {
            out.append(' ').append(NumberWords.cardinal(digit - '0'));
        }
        return out.toString();
    }

    private static String unit(String abbreviation) {
        return switch (abbreviation) {
            case "oz" -> "ounce";
            case "lb", "lbs" -> "pound";
            case "ft" -> "foot";
            case "gal" -> "gallon";
            case "qt" -> "quart";
            case "mm" -> "millimeter";
            case "cm" -> "centimeter";
            case "kg" -> "kilogram";
            default -> "inch";
        };
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> spoken) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(spoken.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** English ordinals: 1 → "first", 21 → "twenty first". */
    static final class Ordinals {
        private static final String[] SMALL = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
                "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                "sixteenth", "seventeenth", "eighteenth", "nineteenth"};

        private Ordinals() {
        }

        static String of(long n) {
            if (n < 20) {
                return SMALL[(int) n];
            }
            if (n % 10 == 0 && n < 100) {
                String tens = NumberWords.cardinal(n);
                return tens.substring(0, tens.length() - 1) + "ieth";
            }
            if (n < 100) {
                return NumberWords.cardinal(n - n % 10) + " " + SMALL[(int) (n % 10)];
            }
            return NumberWords.cardinal(n) + "th";
        }
    }
}
