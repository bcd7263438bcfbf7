package kiosk.app.store;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an aisle label may be: a short sign text ("12", "A", "Garden Centre", "B-4") whose numbers are in a sane
 * range, so that the display, the spoken reply and the grounding check never meet "99999999999".
 */
final class Aisles {

    static final int MAX_NUMBER = 9999;
    static final int MAX_LENGTH = 24;
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");
    private static final Pattern SIGN_TEXT = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .'&/-]*");

    private Aisles() {
    }

    /** Why {@code aisle} cannot be an aisle label, or empty when it can. */
    static Optional<String> problem(String aisle) {
        if (aisle.length() > MAX_LENGTH) {
            return Optional.of("'" + aisle.substring(0, MAX_LENGTH) + "…' is longer than " + MAX_LENGTH
                    + " characters");
        }
        if (!SIGN_TEXT.matcher(aisle).matches()) {
            return Optional.of("'" + aisle + "' is not a sign label (letters, digits, spaces, . ' & / -)");
        }
        Matcher number = NUMBER.matcher(aisle);
        while (number.find()) {
            String digits = LEADING_ZEROS.matcher(number.group()).replaceFirst("");
            if (digits.length() > 4 || Integer.parseInt(digits) > MAX_NUMBER) {
                return Optional.of("'" + aisle + "' is out of range: aisle numbers go from 0 to " + MAX_NUMBER);
            }
        }
        return Optional.empty();
    }
}
