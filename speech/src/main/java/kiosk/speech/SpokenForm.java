package kiosk.speech;

import java.util.Locale;

/**
 * Brings a phrase to the form the recognizer's vocabulary uses: lower case, digits spelled out, no punctuation.
 * "AA Batteries (4-pack)" becomes "aa batteries four pack".
 */
public final class SpokenForm {

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
        String lower = phrase.toLowerCase(Locale.ROOT).replace('&', ' ').replace('’', '\'');
        lower = keepApostrophes ? lower.replaceAll("(?<![a-z])'|'(?![a-z])", " ") : lower.replace("'", "");
        StringBuilder out = new StringBuilder();
        for (String token : lower.split(keepApostrophes ? "[^a-z0-9']+" : "[^a-z0-9]+")) {
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
        String spaced = token.replaceAll("(?<=[0-9])(?=[a-z])|(?<=[a-z])(?=[0-9])", " ");
        StringBuilder out = new StringBuilder();
        for (String part : spaced.split(" ")) {
            String spoken = NumberWords.isDigits(part) ? NumberWords.whole(part) : part;
            out.append(out.isEmpty() ? "" : " ").append(spoken);
        }
        return out.toString();
    }
}
