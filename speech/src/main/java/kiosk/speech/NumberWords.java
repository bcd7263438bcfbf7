package kiosk.speech;

import java.math.BigInteger;
import java.util.Locale;

import com.ibm.icu.text.RuleBasedNumberFormat;

/**
 * English words for numbers, as a voice reads them, spelled by ICU's rule-based number format ("twenty-one" with
 * the hyphen as a space). Takes digit strings of any length and never throws: a number of more than fifteen digits
 * (ICU falls back to digits from a quintillion on) or one with a leading zero ("010") is read digit by digit.
 */
public final class NumberWords {

    /** The longest whole number read as one number; longer ones are read digit by digit. */
    static final int LONGEST_SPELLED = 15;
    private static final String[] DIGITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine"};
    // RuleBasedNumberFormat is not thread-safe: every use holds the formatter's lock (formatting takes microseconds)
    private static final RuleBasedNumberFormat CARDINAL = spellout("%spellout-numbering");
    private static final RuleBasedNumberFormat ORDINAL = spellout("%spellout-ordinal");

    private NumberWords() {
    }

    /** 21 → "twenty one"; negative numbers get "minus". */
    public static String cardinal(long n) {
        return n < 0 ? "minus " + whole(Long.toString(n).substring(1)) : whole(Long.toString(n));
    }

    /**
     * A whole number written in digits: "1299" → "one thousand two hundred ninety nine", "010" → "zero one zero",
     * twenty digits → digit by digit. Anything that is not all ASCII digits is read character by character.
     */
    public static String whole(String digits) {
        if (!isDigits(digits)) {
            return digits(digits);
        }
        if (digits.length() > LONGEST_SPELLED || digits.length() > 1 && digits.charAt(0) == '0') {
            return digits(digits);
        }
        return format(CARDINAL, new BigInteger(digits));
    }

    /** "08" → "8": a number's leading zeros, which a size or count written in digits does not say. */
    static String withoutLeadingZeros(String digits) {
        return digits.replaceFirst("^0+(?=\\d)", "");
    }

    /** 21 → "twenty first", for digit strings of up to fifteen digits (longer ones: the digits, then "th"). */
    public static String ordinal(String digits) {
        if (!isDigits(digits) || digits.length() > LONGEST_SPELLED) {
            return digits(digits) + " th";
        }
        return format(ORDINAL, new BigInteger(digits));
    }

    /** "1", "5" → "one point five"; the fraction digit by digit, as people read decimals. */
    public static String decimal(String wholeDigits, String fractionDigits) {
        return (wholeDigits.isEmpty() ? "zero" : whole(wholeDigits)) + " point " + digits(fractionDigits);
    }

    /** Each digit on its own: "4477" → "four four seven seven"; other characters are kept as they are. */
    public static String digits(CharSequence text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String word = c >= '0' && c <= '9' ? DIGITS[c - '0'] : String.valueOf(c);
            out.append(out.isEmpty() ? "" : " ").append(word);
        }
        return out.toString();
    }

    static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String format(RuleBasedNumberFormat format, BigInteger n) {
        synchronized (format) {
            return format.format(n).replace('-', ' ');
        }
    }

    private static RuleBasedNumberFormat spellout(String ruleSet) {
        RuleBasedNumberFormat format = new RuleBasedNumberFormat(Locale.US, RuleBasedNumberFormat.SPELLOUT);
        format.setDefaultRuleSet(ruleSet);
        return format;
    }
}
