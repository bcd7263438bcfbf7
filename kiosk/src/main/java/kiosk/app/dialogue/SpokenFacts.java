package kiosk.app.dialogue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the numeric facts of a reply twice, independently of the speech normalizer: from the written text (digits,
 * "$8.98", "21:00", "1-1/2", "(555) 010-4477", a model number "CR2032") and from the words the synthesizer will say
 * ("eight dollars and ninety eight cents", "nine p m", "one and a half", "five five five, zero one zero, …",
 * "C R two zero three two"). When both readings hold the
 * same facts, the speaker says what the grounding check checked; a normalizer that turned "1-1/2 inch" into "one half
 * inch" gives 0.5 where the text says 1.5.
 *
 * <p>Number words already in the written text ("the first one") are read by the same word reader on both sides.
 * Values are canonical strings: a price "8.98", a time "21:00", a number "1.5", digits said one by one "010".
 */
final class SpokenFacts {

    enum Kind {
        PRICE("price"), TIME("time"), NUMBER("number"), DIGITS("number said digit by digit");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    record Fact(Kind kind, String value) {
    }

    /** Digit words in a row that are read as a string of digits (a phone group, a SKU) rather than as numbers. */
    private static final int DIGIT_RUN = 3;
    /** Longer whole numbers are read digit by digit (as {@code NumberWords} speaks them). */
    private static final int LONGEST_SPELLED = 15;
    private static final String AM_PM = "\\s?([ap])\\.?\\s?m\\b\\.?";
    private static final Pattern WRITTEN = Pattern.compile(String.join("|",
            "\\b[A-Z]{2,5}-(?<sku>\\d+)\\b",
            "\\b[A-Z]{1,5}(?<model>\\d{3,})\\b",
            "(?:\\((?<area>\\d{3})\\)\\s?|\\b(?<area2>\\d{3})[-. ])(?<exchange>\\d{3})[-. ](?<line>\\d{4})\\b",
            "\\b(?<localExchange>\\d{3})-(?<localLine>\\d{4})\\b",
            "\\$\\s?(?<dollars>\\d[\\d,]*)(?:\\.(?<cents>\\d+))?",
            // "29 dollars" in a FAQ answer is a price as the speaker says it ("twenty nine dollars"), as "$29" is
            "\\b(?<dollarsWritten>\\d[\\d,]*)(?= dollars?\\b)",
            // and "12 cents a page" is a price of twelve cents, as the speaker says it ("twelve cents")
            "\\b(?<centsWritten>\\d{1,2})(?= cents?\\b)",
            "\\b(?<hour>\\d{1,2})(?::(?<minute>\\d{2}))?(?:" + AM_PM.replace("([ap])", "(?<half>[ap])") + ")",
            "\\b(?<hour24>\\d{1,2}):(?<minute24>\\d{2})\\b",
            "\\b(?<whole>\\d+)[- ](?<numerator>\\d+)/(?<denominator>\\d+)\\b",
            "(?<![\\d/])\\b(?<top>\\d+)/(?<bottom>\\d+)\\b",
            "\\b(?<ordinal>\\d+)(?:st|nd|rd|th)\\b",
            // a unit may follow without a space ("3.5mm"), as the speech normalizer reads it ("three point five
            // millimeter"); read as 3 and 5 it was a fact the speaker changed, and every answer about a "3.5mm Aux
            // Cable" went to a team member
            "(?<![\\d.])(?<integer>\\d*)\\.(?<fraction>\\d+)(?!\\d)(?=[a-z]|\\b)",
            "(?<grouped>\\b\\d{1,3}(?:,\\d{3})+)\\b",
            "(?<digits>\\d+)"), Pattern.CASE_INSENSITIVE);

    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9));
    private static final Map<String, Integer> TEENS = Map.ofEntries(Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Long> SCALES = Map.of("thousand", 1_000L, "million", 1_000_000L,
            "billion", 1_000_000_000L, "trillion", 1_000_000_000_000L);
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
            Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6),
            Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10),
            Map.entry("eleventh", 11), Map.entry("twelfth", 12), Map.entry("thirteenth", 13),
            Map.entry("fourteenth", 14), Map.entry("fifteenth", 15), Map.entry("sixteenth", 16),
            Map.entry("seventeenth", 17), Map.entry("eighteenth", 18), Map.entry("nineteenth", 19),
            Map.entry("twentieth", 20), Map.entry("thirtieth", 30), Map.entry("fortieth", 40),
            Map.entry("fiftieth", 50), Map.entry("sixtieth", 60), Map.entry("seventieth", 70),
            Map.entry("eightieth", 80), Map.entry("ninetieth", 90), Map.entry("hundredth", 100),
            Map.entry("thousandth", 1000));
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private SpokenFacts() {
    }

    /** The facts of written text: its digits by the written conventions, its number words as spoken. */
    static List<Fact> written(String text) {
        List<Fact> facts = new ArrayList<>();
        StringBuilder words = new StringBuilder();
        Matcher m = WRITTEN.matcher(text);
        int last = 0;
        while (m.find()) {
            words.append(text, last, m.start()).append(" | ");
            last = m.end();
            if (m.group("sku") != null) {
                digits(m.group("sku"), facts);
            } else if (m.group("model") != null) { // "CR2032", said digit by digit like a SKU
                digits(m.group("model"), facts);
            } else if (m.group("exchange") != null) {
                digits(m.group("area") != null ? m.group("area") : m.group("area2"), facts);
                digits(m.group("exchange"), facts);
                digits(m.group("line"), facts);
            } else if (m.group("localExchange") != null) {
                digits(m.group("localExchange"), facts);
                digits(m.group("localLine"), facts);
            } else if (m.group("dollars") != null) {
                String dollars = m.group("dollars").replace(",", "");
                String cents = m.group("cents");
                facts.add(new Fact(Kind.PRICE, canonical(new BigDecimal(cents == null ? dollars
                        : dollars + "." + cents))));
            } else if (m.group("dollarsWritten") != null) {
                facts.add(new Fact(Kind.PRICE, canonical(new BigDecimal(m.group("dollarsWritten").replace(",", "")))));
            } else if (m.group("centsWritten") != null) {
                facts.add(new Fact(Kind.PRICE, canonical(new BigDecimal(m.group("centsWritten")).movePointLeft(2))));
            } else if (m.group("hour") != null) {
                time(m.group("hour"), m.group("minute") == null ? "00" : m.group("minute"), m.group("half"), facts);
            } else if (m.group("hour24") != null) {
                time(m.group("hour24"), m.group("minute24"), null, facts);
            } else if (m.group("whole") != null) {
                fraction(new BigDecimal(m.group("whole")), m.group("numerator"), m.group("denominator"), facts);
            } else if (m.group("top") != null) {
                fraction(BigDecimal.ZERO, m.group("top"), m.group("bottom"), facts);
            } else if (m.group("ordinal") != null) {
                whole(m.group("ordinal"), facts);
            } else if (m.group("fraction") != null) {
                String integer = m.group("integer").isEmpty() ? "0" : m.group("integer");
                facts.add(number(new BigDecimal(integer + "." + m.group("fraction"))));
            } else if (m.group("grouped") != null) {
                whole(m.group("grouped").replace(",", ""), facts);
            } else {
                whole(m.group("digits"), facts);
            }
        }
        words.append(text.substring(last));
        facts.addAll(spoken(words.toString()));
        return facts;
    }

    /** The facts of the words a synthesizer says. */
    static List<Fact> spoken(String text) {
        List<Fact> facts = new ArrayList<>();
        // punctuation ends a number: "five five five, zero one zero" is two groups
        for (String clause : text.toLowerCase(Locale.ROOT).split("[^a-z' ]+")) {
            String[] words = clause.strip().split("\\s+");
            int i = 0;
            while (i < words.length) {
                i = readAt(words, i, facts);
            }
        }
        return facts;
    }

    /** Reads the fact that starts at word {@code i}, if any; returns where the next one may start. */
    private static int readAt(String[] w, int i, List<Fact> facts) {
        if (w[i].equals("noon") || w[i].equals("midnight")) {
            facts.add(new Fact(Kind.TIME, w[i].equals("noon") ? "12:00" : "00:00"));
            return i + 1;
        }
        int run = i;
        while (run < w.length && (UNITS.containsKey(w[run]) || w[run].equals("oh") && run > i)) {
            run++;
        }
        int time = time(w, i, facts);
        if (time > i) {
            return time;
        }
        if (run - i >= DIGIT_RUN) {
            StringBuilder digits = new StringBuilder();
            for (int k = i; k < run; k++) {
                digits.append(w[k].equals("oh") ? 0 : UNITS.get(w[k]));
            }
            if (run < w.length && (w[run].equals("dollars") || w[run].equals("dollar"))) { // a price too long to spell
                return price(new BigDecimal(digits.toString()), w, run, facts);
            }
            facts.add(new Fact(Kind.DIGITS, digits.toString()));
            return run;
        }
        Parsed parsed = cardinal(w, i);
        if (parsed == null) {
            if (ORDINALS.containsKey(w[i])) {
                facts.add(number(BigDecimal.valueOf(ORDINALS.get(w[i]))));
            } else if (w[i].equals("a") && i + 1 < w.length && isFractionWord(w[i + 1], false)) {
                facts.add(number(fractionValue(BigDecimal.ONE, w[i + 1])));
                return i + 2;
            }
            return i + 1;
        }
        BigDecimal value = parsed.value();
        int next = parsed.end();
        if (next + 1 < w.length && w[next].equals("point") && UNITS.containsKey(w[next + 1])) {
            StringBuilder decimals = new StringBuilder(value.toPlainString()).append('.');
            next++;
            while (next < w.length && UNITS.containsKey(w[next])) {
                decimals.append(UNITS.get(w[next++]));
            }
            value = new BigDecimal(decimals.toString());
        }
        if (next < w.length && isFractionWord(w[next], true)) { // "three quarters", "one half"
            facts.add(number(fractionValue(value, w[next])));
            return next + 1;
        }
        if (next + 2 < w.length && w[next].equals("and") && isFractionWord(w[next + 2], false)) {
            BigDecimal part = w[next + 1].equals("a") ? fractionValue(BigDecimal.ONE, w[next + 2]) : null;
            Parsed numerator = part == null ? cardinal(w, next + 1) : null;
            if (numerator != null && numerator.end() < w.length && isFractionWord(w[numerator.end()], true)) {
                facts.add(number(value.add(fractionValue(numerator.value(), w[numerator.end()]))));
                return numerator.end() + 1;
            }
            if (part != null) {
                facts.add(number(value.add(part)));
                return next + 3;
            }
        }
        if (next < w.length && (w[next].equals("dollars") || w[next].equals("dollar"))) {
            return price(value, w, next, facts);
        }
        if (next < w.length && (w[next].equals("cents") || w[next].equals("cent"))) {
            facts.add(new Fact(Kind.PRICE, canonical(value.movePointLeft(2))));
            return next + 1;
        }
        facts.add(number(value));
        return next;
    }

    /** "… dollars" at {@code dollarsAt}, and the cents after it ("eight dollars and ninety eight cents"). */
    private static int price(BigDecimal dollars, String[] w, int dollarsAt, List<Fact> facts) {
        boolean and = dollarsAt + 1 < w.length && w[dollarsAt + 1].equals("and");
        int centsAt = dollarsAt + (and ? 2 : 1);
        Parsed cents = centsAt < w.length ? cardinal(w, centsAt) : null;
        boolean centsWord = cents != null && cents.end() < w.length
                && (w[cents.end()].equals("cents") || w[cents.end()].equals("cent"));
        if (cents != null && (centsWord || !and) && cents.value().compareTo(BigDecimal.valueOf(100)) < 0
                && dollars.scale() == 0) {
            facts.add(new Fact(Kind.PRICE, canonical(dollars.add(cents.value().movePointLeft(2)))));
            return centsWord ? cents.end() + 1 : cents.end();
        }
        facts.add(new Fact(Kind.PRICE, canonical(dollars)));
        return dollarsAt + 1;
    }

    /** "nine thirty a m", "seven oh five p m", "eight a m": a time, when one starts at {@code i}. */
    private static int time(String[] w, int i, List<Fact> facts) {
        Parsed hour = cardinal(w, i);
        if (hour == null || hour.value().compareTo(BigDecimal.ONE) < 0
                || hour.value().compareTo(BigDecimal.valueOf(12)) > 0) {
            return i;
        }
        int next = hour.end();
        int minute = 0;
        if (next + 1 < w.length && w[next].equals("oh") && UNITS.containsKey(w[next + 1])) {
            minute = UNITS.get(w[next + 1]);
            next += 2;
        } else {
            Parsed minutes = cardinal(w, next);
            if (minutes != null && minutes.value().intValue() >= 10 && minutes.value().intValue() <= 59) {
                minute = minutes.value().intValue();
                next = minutes.end();
            }
        }
        if (next + 1 < w.length && (w[next].equals("a") || w[next].equals("p")) && w[next + 1].equals("m")) {
            int h = hour.value().intValue() % 12 + (w[next].equals("p") ? 12 : 0);
            facts.add(new Fact(Kind.TIME, String.format(Locale.ROOT, "%02d:%02d", h, minute)));
            return next + 2;
        }
        return i;
    }

    private record Parsed(BigDecimal value, int end) {
    }

    /** A cardinal in words at {@code i} ("one thousand two hundred ninety nine"), or null. */
    private static Parsed cardinal(String[] w, int i) {
        long total = 0;
        long group = 0;
        int k = i;
        String previous = null; // "unit", "teen", "tens", "hundred", "scale"
        while (k < w.length) {
            String word = w[k];
            if (UNITS.containsKey(word) && (previous == null || previous.equals("tens") || previous.equals("hundred")
                    || previous.equals("scale"))) {
                group += UNITS.get(word);
                previous = "unit";
            } else if (TEENS.containsKey(word) && (previous == null || previous.equals("hundred")
                    || previous.equals("scale"))) {
                group += TEENS.get(word);
                previous = "teen";
            } else if (TENS.containsKey(word) && (previous == null || previous.equals("hundred")
                    || previous.equals("scale"))) {
                group += TENS.get(word);
                previous = "tens";
            } else if (word.equals("hundred") && previous != null && previous.equals("unit") && group < 10) {
                group *= 100;
                previous = "hundred";
            } else if (SCALES.containsKey(word) && previous != null && !previous.equals("scale") && group > 0) {
                total += group * SCALES.get(word);
                group = 0;
                previous = "scale";
            } else {
                break;
            }
            k++;
        }
        return k == i ? null : new Parsed(BigDecimal.valueOf(total + group), k);
    }

    private static boolean isFractionWord(String word, boolean plural) {
        String singular = plural && word.endsWith("s") && !word.equals("halves") ? word.substring(0, word.length() - 1)
                : word.equals("halves") ? "half" : word;
        return singular.equals("half") || singular.equals("quarter")
                || ORDINALS.containsKey(singular) && ORDINALS.get(singular) > 2;
    }

    private static BigDecimal fractionValue(BigDecimal numerator, String word) {
        String singular = word.equals("halves") ? "half" : word.endsWith("s") ? word.substring(0, word.length() - 1)
                : word;
        int denominator = singular.equals("half") ? 2 : singular.equals("quarter") ? 4 : ORDINALS.get(singular);
        return numerator.divide(BigDecimal.valueOf(denominator), PRECISION);
    }

    private static void fraction(BigDecimal whole, String numerator, String denominator, List<Fact> facts) {
        BigDecimal bottom = new BigDecimal(denominator);
        if (bottom.compareTo(BigDecimal.ONE) <= 0 || numerator.length() > 3 || denominator.length() > 3) {
            if (whole.signum() != 0) {
                facts.add(number(whole));
            }
            whole(numerator, facts); // read as "three over zero"
            whole(denominator, facts);
            return;
        }
        facts.add(number(whole.add(new BigDecimal(numerator).divide(bottom, PRECISION))));
    }

    private static void time(String hourText, String minuteText, String half, List<Fact> facts) {
        int hour = Integer.parseInt(hourText);
        int minute = Integer.parseInt(minuteText);
        if (minute > 59 || hour > 24) {
            whole(hourText, facts);
            whole(minuteText, facts);
            return;
        }
        boolean twelveHour = half != null && hour >= 1 && hour <= 12;
        int h = twelveHour ? hour % 12 + (half.equalsIgnoreCase("p") ? 12 : 0) : hour % 24;
        facts.add(new Fact(Kind.TIME, String.format(Locale.ROOT, "%02d:%02d", h, minute)));
    }

    /** A whole number in digits: spelled as one number, or digit by digit when long or led by a zero. */
    private static void whole(String digits, List<Fact> facts) {
        if (digits.length() > LONGEST_SPELLED || digits.length() > 1 && digits.startsWith("0")) {
            digits(digits, facts);
        } else {
            facts.add(number(new BigDecimal(digits)));
        }
    }

    /** Digits said one by one: a string of them from three on, each its own number below that ("05"). */
    private static void digits(String digits, List<Fact> facts) {
        if (digits.length() >= DIGIT_RUN) {
            facts.add(new Fact(Kind.DIGITS, digits));
        } else {
            digits.chars().forEach(c -> facts.add(number(BigDecimal.valueOf(c - '0'))));
        }
    }

    private static Fact number(BigDecimal value) {
        return new Fact(Kind.NUMBER, canonical(value));
    }

    private static String canonical(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
