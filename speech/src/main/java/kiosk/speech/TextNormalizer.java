package kiosk.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites reply text the way a person reads it aloud, before synthesis: "$8.98" → "eight dollars and ninety eight
 * cents", "aisle 12" → "aisle number twelve", "21:00" → "nine P M", "9:30 AM" → "nine thirty A M", "(555) 010-4477"
 * digit by digit in its groups, "1-1/2 inch" → "one and a half inch", "1.5 V" → "one point five volt", "#8" →
 * "number eight", "AA" → "double A", "Battery 2 Pack is" → "Battery two per pack, is", "Cord 25 ft in" → "Cord twenty
 * five feet, in", "CR2032" → "C R two zero
 * three two". Numbers are spelled by ICU ({@link NumberWords}); the rules here are the kiosk's own: which
 * written forms are sizes, times, phone numbers and prices. The store's facts stay exact in the text shown on the
 * display; only the spoken form changes.
 *
 * <p>Never throws: numbers of any length are read (digit by digit beyond fifteen digits), impossible times are read
 * as their numbers.
 */
public final class TextNormalizer {

    private static final String AM_PM = "(a\\.m|p\\.m|am|pm)(\\.?)(?![A-Za-z])";
    private static final String UNITS = "oz|lbs|lb|ft|gal|qt|mm|cm|kg|ml|mAh|Ah|W|V|in";
    private static final Pattern SKU = Pattern.compile("\\b([A-Z]{2,5})-(\\d+)\\b");
    // a model number ("CR2032"): said as its letters and digits, as a clerk reads it off the pack; one number
    // ("two thousand thirty two") came back from the recognizer as "two thousand and thirty two"
    private static final Pattern MODEL = Pattern.compile("\\b([A-Z]{1,5})(\\d{3,})\\b");
    // "8 Pack" as "eight per pack": glued to "pack", a short number is heard as "a pack", "to unpack", "turnpike"
    private static final Pattern PACK = Pattern.compile("\\b(\\d+)[- ]?(pack)\\b", Pattern.CASE_INSENSITIVE);
    /** Between words: a pause after a count or a model number ends it ("Battery two per pack, is"). */
    private static final Pattern WORD_BEFORE = Pattern.compile("([A-Za-z]+) $");
    private static final Pattern WORD_AFTER = Pattern.compile("^ [A-Za-z]");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d$.])(?:\\((\\d{3})\\)\\s?|\\b(\\d{3})[-. ])(\\d{3})[-. ](\\d{4})\\b");
    private static final Pattern LOCAL_PHONE = Pattern.compile("(?<![\\d$.,-])\\b(\\d{3})-(\\d{4})\\b(?![.,]?\\d)");
    private static final Pattern TIME_RANGE = Pattern.compile(
            "\\b(\\d{1,2}):(\\d{2})\\s*[-–]\\s*(\\d{1,2}):(\\d{2})\\b");
    private static final Pattern TIME_WITH_HALF = Pattern.compile(
            "\\b(\\d{1,2})(?::(\\d{2}))?\\s?" + AM_PM, Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile("\\b(\\d{1,2}):(\\d{2})\\b");
    private static final Pattern MONEY = Pattern.compile("\\$\\s?(\\d[\\d,]*)(?:\\.(\\d+))?");
    // "aisle number four": the small recognizer hears "aisle one" as "I won" and "aisle two" as "I'll do"
    private static final Pattern AISLE = Pattern.compile("\\b([Aa]isle) (?=\\d{1,4}[A-Za-z]?\\b)");
    private static final Pattern NUMBER_SIGN = Pattern.compile("#\\s?(\\d+)\\b");
    private static final Pattern BY = Pattern.compile("(?<=\\d|\\b(?:" + UNITS + "|inch))\\s?[x×]\\s?(?=[\\d.])");
    private static final Pattern INCHES = Pattern.compile("(\\d)\\s?(?:\"|”|''|″)");
    private static final Pattern BATTERY = Pattern.compile("\\b(AAA|AA)\\b");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s?%");
    // "in" is an inch only where no word follows ("a 6 in pot" is not written so): "6 in", never "4 in stock"
    // "5W-30" is a motor oil's grade, not five watts: said "five W thirty", as on the can; a number after it is set
    // apart ("5W-30 5 Quart" run together was "thirty five")
    private static final Pattern GRADE = Pattern.compile("\\b(\\d{1,2})W-(\\d{1,2})\\b( (?=\\d))?");
    private static final Pattern UNIT = Pattern.compile("\\b(\\d+(?:\\.\\d+)?)\\s?(?:(" + UNITS.replace("|in", "")
            + ")\\b|(in)\\b(?!\\s*[-\\w]))");
    // a size after a product's name ("Lantern Battery 6V in", "PVC Pipe 10 ft in", "Power Strip 6 Outlet in"): said as
    // a measure, with the pause where the name ends ("Lantern Battery six volts, in"); run on into the sentence, "six
    // volt" came back as "so", "ten foot" as "and for", "six outlet" as "oaks outlet". No pause before it: after one,
    // FreeTTS's "twenty" came back as "when two", "eight" as "and it". Before a noun ("a 9V battery") a size stays an
    // adjective.
    private static final Pattern SIZE = Pattern.compile("\\b(?!(?:The|An?) )([A-Z][A-Za-z]*|\\d+)(,?) (\\d+(?:\\.\\d+)?)\\s?"
            + "(?:(" + UNITS.replace("|in", "") + ")|(?i:(inch|foot|gallon|quart|watt|volt|pound|ounce|outlet)))\\b"
            + "(?= [A-Za-z])");
    // a number of its own just before a size ("SPF 20 1 oz") is set apart from it, else "twenty one ounce" is heard;
    // not a dimension's ("2x4 8 ft", read "two by four eight feet": with a pause there, "twelve" came back as "well")
    private static final Pattern NUMBER_BEFORE_SIZE = Pattern.compile("(?<!\\bby )(?<![x×])\\b(\\d+)(?= \\d+(?:\\.\\d+)?\\s?"
            + "(?:" + UNITS.replace("|in", "") + "|(?i:inch|foot|gallon|quart|watt|volt|pound|ounce))\\b)");
    // a measure the catalog sets after a name with a comma ("Terracotta Pot, 20 cm") is said before the name, as an
    // adjective ("the twenty centimeter Terracotta Pot"): after the name's pause "twenty" lost its onset ("when two
    // centimeters"), and a measure before its noun is how a person says it
    private static final Pattern MEASURE_AFTER_COMMA = Pattern.compile("\\b([Tt]he) ((?:[A-Z][\\w'-]* )*[A-Z][\\w'-]*), "
            + "(\\d+(?:\\.\\d+)?)\\s?(?:(" + UNITS.replace("|in", "") + ")|(?i:(inch|foot|gallon|quart|watt|volt|pound|ounce)))"
            + "\\b(?![,.]?\\d)");
    private static final Pattern ORDINAL = Pattern.compile("\\b(\\d+)(st|nd|rd|th)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECIMAL = Pattern.compile("(?<![\\d.])(\\d*)\\.(\\d+)\\b");
    private static final Pattern GROUPED = Pattern.compile("\\b\\d{1,3}(?:,\\d{3})+\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Set<String> NOT_SENTENCE_ENDS = Set.of("mr", "mrs", "ms", "dr", "st", "no", "vs", "e.g", "i.e",
            "approx", "a.m", "p.m");

    /** The text as the synthesizer should read it. Never throws. */
    public String normalize(String text) {
        String s = text.replace('’', '\'').replace("&", " and ");
        s = replace(SKU, s, m -> String.join(" ", m.group(1).split("")) + " " + NumberWords.digits(m.group(2)));
        s = apart(MODEL, s, m -> String.join(" ", m.group(1).split("")) + " " + NumberWords.digits(m.group(2)));
        s = apart(PACK, s, m -> NumberWords.whole(NumberWords.withoutLeadingZeros(m.group(1))) + " per " + m.group(2));
        s = replace(BY, s, m -> " by ");
        s = replace(PHONE, s, m -> NumberWords.digits(m.group(1) != null ? m.group(1) : m.group(2)) + ", "
                + NumberWords.digits(m.group(3)) + ", " + NumberWords.digits(m.group(4)));
        s = replace(LOCAL_PHONE, s, m -> NumberWords.digits(m.group(1)) + ", " + NumberWords.digits(m.group(2)));
        s = replace(TIME_RANGE, s, m -> clock(m.group(1), m.group(2), null) + " to "
                + clock(m.group(3), m.group(4), null));
        s = replace(TIME_WITH_HALF, s, m -> clock(m.group(1), m.group(2) == null ? "00" : m.group(2),
                m.group(3).toLowerCase(Locale.ROOT).startsWith("a") ? "a" : "p") + m.group(4));
        s = replace(TIME, s, m -> clock(m.group(1), m.group(2), null));
        s = replace(MONEY, s, m -> money(m.group(1).replace(",", ""), m.group(2)));
        s = replace(AISLE, s, m -> m.group(1) + " number ");
        s = replace(NUMBER_SIGN, s, m -> "number " + NumberWords.whole(m.group(1)));
        // sizes such as "1-1/2" and "3/4-inch", by the rule that also reads them back from what a shopper says
        s = Fractions.speak(s);
        s = replace(INCHES, s, m -> m.group(1) + " inch");
        s = replace(BATTERY, s, m -> m.group(1).length() == 2 ? "double A" : "triple A");
        s = replace(GRADE, s, m -> NumberWords.whole(m.group(1)) + " W " + NumberWords.whole(m.group(2))
                + (m.group(3) != null ? ", " : ""));
        s = replace(PERCENT, s, m -> number(m.group(1)) + " percent");
        s = replace(MEASURE_AFTER_COMMA, s, m -> m.group(1) + " " + number(m.group(3)) + " "
                + (m.group(4) != null ? unit(m.group(4)) : m.group(5).toLowerCase(Locale.ROOT)) + " " + m.group(2));
        s = NUMBER_BEFORE_SIZE.matcher(s).replaceAll("$1,");
        s = replace(SIZE, s, m -> m.group(1) + m.group(2) + " " + number(m.group(3)) + " "
                + measure(m.group(4) != null ? unit(m.group(4)) : m.group(5).toLowerCase(Locale.ROOT), m.group(3)) + ",");
        s = replace(UNIT, s, m -> number(m.group(1)) + " " + unit(m.group(2) != null ? m.group(2) : m.group(3)));
        s = replace(ORDINAL, s, m -> NumberWords.ordinal(m.group(1)));
        s = replace(DECIMAL, s, m -> NumberWords.decimal(m.group(1), m.group(2)));
        s = replace(GROUPED, s, m -> NumberWords.whole(m.group().replace(",", "")));
        // digits glued to letters ("12B", "4pack") are read apart
        s = replace(NUMBER, s, m -> " " + NumberWords.whole(m.group()) + " ");
        s = s.replaceAll("\\b([AP]) M\\.(?=\\s+[a-z0-9])", "$1 M") // "9 p.m. on Friday" is one sentence
                .replaceAll("(?<=\\s)-(?=[A-Za-z])|(?<=[A-Za-z])-(?=\\s)", " "); // "4-pack" became "four -pack"
        return s.replaceAll("\\s+([,.!?;:)])", "$1").replaceAll("([(])\\s+", "$1").replaceAll("\\s+", " ").strip();
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

    /**
     * "21", "00" → "nine P M"; with {@code half} ("a" or "p") the hour is on a twelve-hour clock ("9:30 AM"). A time
     * that cannot be ("25:99") is read as its two numbers.
     */
    private static String clock(String hourText, String minuteText, String half) {
        int hour = Integer.parseInt(hourText); // at most two digits by the patterns
        int minute = Integer.parseInt(minuteText);
        boolean twelveHour = half != null && hour >= 1 && hour <= 12;
        if (minute > 59 || hour > 24) {
            return NumberWords.whole(Integer.toString(hour)) + " " + NumberWords.whole(Integer.toString(minute));
        }
        String suffix;
        if (twelveHour) {
            suffix = half;
        } else {
            if (minute == 0 && hour == 12) {
                return "noon";
            }
            if (minute == 0 && (hour == 0 || hour == 24)) {
                return "midnight";
            }
            suffix = hour < 12 || hour == 24 ? "a" : "p";
        }
        int twelve = hour % 12 == 0 ? 12 : hour % 12;
        String minutes = minute == 0 ? "" : minute < 10 ? " oh " + NumberWords.cardinal(minute)
                : " " + NumberWords.cardinal(minute);
        // "A M" in capitals: FreeTTS says the letters' names; "eight a m" (the article "a") came back as "a to am"
        return NumberWords.cardinal(twelve) + minutes + " " + suffix.toUpperCase(Locale.ROOT) + " M";
    }

    /**
     * "8", "98" → "eight dollars and ninety eight cents" (heard more surely than "eight dollars ninety eight"); cents
     * beyond two places are read as a decimal.
     */
    private static String money(String dollars, String cents) {
        boolean one = dollars.replaceFirst("^0+(?=\\d)", "").equals("1");
        String unit = one ? " dollar" : " dollars";
        if (cents == null || cents.chars().allMatch(c -> c == '0')) {
            return NumberWords.whole(NumberWords.withoutLeadingZeros(dollars)) + unit;
        }
        if (cents.length() != 2) {
            return NumberWords.decimal(NumberWords.withoutLeadingZeros(dollars), cents) + " dollars";
        }
        String centWords = NumberWords.whole(NumberWords.withoutLeadingZeros(cents));
        if (NumberWords.withoutLeadingZeros(dollars).equals("0")) {
            return centWords + (cents.equals("01") ? " cent" : " cents");
        }
        return NumberWords.whole(NumberWords.withoutLeadingZeros(dollars)) + unit + " and " + centWords
                + (cents.equals("01") ? " cent" : " cents");
    }

    /** "1.5" → "one point five", "25" → "twenty five". */
    private static String number(String digits) {
        int dot = digits.indexOf('.');
        return dot < 0 ? NumberWords.whole(NumberWords.withoutLeadingZeros(digits))
                : NumberWords.decimal(NumberWords.withoutLeadingZeros(digits.substring(0, dot)), digits.substring(dot + 1));
    }

    /** Leading zeros dropped, as in a price or a size ("007" → "7"); "0" stays. */
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
            case "ml" -> "milliliter";
            case "mAh" -> "milliamp hour";
            case "Ah" -> "amp hour";
            case "W" -> "watt";
            case "V" -> "volt";
            default -> "inch";
        };
    }

    /** "volt", "6" → "volts"; "foot", "1" → "foot": a measure, plural unless it is one. */
    private static String measure(String unit, String number) {
        if (NumberWords.withoutLeadingZeros(number).equals("1")) {
            return unit;
        }
        return switch (unit) {
            case "foot" -> "feet";
            case "inch" -> "inches";
            default -> unit + "s";
        };
    }

    /**
     * As {@link #replace}, with a comma after the spoken words where a name's words run on both sides: in "The 9V
     * Battery 2 Pack is in aisle 4" the count ran into the words after it ("battery do per pack as"); ended by a pause
     * ("battery two per pack, is") it is heard. A pause before it lost more than it saved: "eight per pack" after one
     * came back as "a or pack", "twenty per pack" as "went deeper pack" (BENCHMARKS.md, the round trip).
     */
    private static String apart(Pattern pattern, String text, Function<Matcher, String> spoken) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Matcher before = WORD_BEFORE.matcher(text.substring(Math.max(0, matcher.start() - 20), matcher.start()));
            String after = text.substring(matcher.end(), Math.min(text.length(), matcher.end() + 2));
            // not after "the", "a", "an": "the CR2032 cell" has no name before the number to end
            boolean between = before.find() && !before.group(1).toLowerCase(Locale.ROOT).matches("the|an?")
                    && WORD_AFTER.matcher(after).find();
            String words = spoken.apply(matcher);
            matcher.appendReplacement(out, Matcher.quoteReplacement(between ? words + "," : words));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> spoken) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(spoken.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
