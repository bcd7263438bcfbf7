package kiosk.speech;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings a phrase to the form the recognizer's vocabulary uses: lower case, digits spelled out, no punctuation.
 * "AA Batteries (4-pack)" becomes "aa batteries four pack". Fractions are said as the synthesizer says them, by
 * {@link Fractions}: "PVC Elbow 1-1/2 inch" becomes "pvc elbow one and a half inch", not "one one two inch" (a
 * grammar of names that no shopper says, and a size that matched "PVC Elbow 1/2 inch" word for word).
 * {@link Fractions#write} brings the words back to "1-1/2" where written forms are compared.
 */
public final class SpokenForm {

    // compiled once: a store's grammar normalizes ~10,000 phrases at every knowledge load, and String's regex
    // methods compile their pattern at every call (most of the grammar's 0.5–1.6 s of preparation, measured loaded)
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<![a-z])'|'(?![a-z])");
    private static final Pattern NOT_WORD_WITH_APOSTROPHE = Pattern.compile("[^a-z0-9']+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern DIGITS_LETTERS = Pattern.compile("(?<=[0-9])(?=[a-z])|(?<=[a-z])(?=[0-9])");

    private SpokenForm() {
    }

    public static String normalize(String phrase) {
        return normalize(phrase, false);
    }

    /**
     * As {@link #normalize(String)}; with {@code keepApostrophes} "I'd" stays "i'd", the form in the recognizer's
     * vocabulary, which grammars need.
     */
    public static String normalize(String phrase, boolean keepApostrophes) {
        String lower = Fractions.speak(phrase).toLowerCase(Locale.ROOT).replace('&', ' ').replace('’', '\'');
        lower = keepApostrophes ? LONE_APOSTROPHE.matcher(lower).replaceAll(" ") : lower.replace("'", "");
        StringBuilder out = new StringBuilder();
        for (String token : (keepApostrophes ? NOT_WORD_WITH_APOSTROPHE : NOT_WORD).split(lower)) {
            if (token.isEmpty()) {
                continue;
            }
            String spoken = NumberWords.isDigits(token) ? NumberWords.whole(token) : splitDigits(token);
            out.append(out.isEmpty() ? "" : " ").append(spoken);
        }
        return out.toString();
    }

    /** "9v" → "nine v", "4pack" → "four pack". */
    private static String splitDigits(String token) {
        String spaced = DIGITS_LETTERS.matcher(token).replaceAll(" ");
        StringBuilder out = new StringBuilder();
        for (String part : spaced.split(" ")) {
            String spoken = NumberWords.isDigits(part) ? NumberWords.whole(part) : part;
            out.append(out.isEmpty() ? "" : " ").append(spoken);
        }
        return out.toString();
    }
}
