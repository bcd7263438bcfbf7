package kiosk.app.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes personal data out of what a shopper said before anything is written, logged or sent: e-mail addresses,
 * payment card numbers (Luhn-checked), phone numbers, street addresses and the name after "my name is", written
 * ("555-1234", "john.smith@example.com") or as speech recognition writes them ("five five five one two three four",
 * "john dot smith at example dot com"). Each is replaced by its kind in brackets ({@code [phone]}).
 *
 * <p>Stateless and thread-safe. It errs on the side of redacting: a run of seven or more digits is taken for a phone
 * number unless it is a valid card number; shorter numbers (aisles, prices, sizes, hours) stay.
 */
public final class Redactor {

    /** What a piece of redacted text was. */
    public enum Kind {
        EMAIL, CARD, PHONE, ADDRESS, NAME;

        String placeholder() {
            return "[" + name().toLowerCase(Locale.ROOT) + "]";
        }
    }

    private static final Map<String, String> DIGIT_WORDS = Map.ofEntries(
            Map.entry("zero", "0"), Map.entry("oh", "0"), Map.entry("o", "0"), Map.entry("one", "1"),
            Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
            Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"),
            Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"),
            Map.entry("thirteen", "13"), Map.entry("fourteen", "14"), Map.entry("fifteen", "15"),
            Map.entry("sixteen", "16"), Map.entry("seventeen", "17"), Map.entry("eighteen", "18"),
            Map.entry("nineteen", "19"));
    private static final Map<String, String> TENS = Map.of("twenty", "2", "thirty", "3", "forty", "4", "fifty", "5",
            "sixty", "6", "seventy", "7", "eighty", "8", "ninety", "9");
    private static final Map<String, Integer> REPEATS = Map.of("double", 2, "triple", 3);
    /** Words that may sit inside a spoken or written number without ending it. */
    private static final Set<String> JOINERS = Set.of("-", "dash", "hyphen", "/", ".");

    private static final String NUMBER_WORD = "(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
            + "|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
            + "|sixty|seventy|eighty|ninety|hundred|oh)";
    private static final String TLD = "(?:com|org|net|edu|gov|io|co|uk|us|ca|de|fr|info|biz|me)";
    private static final String SPOKEN_SEPARATOR = "(?:\\s+(?:dot|underscore|dash|hyphen|period)\\s+|[._-])";

    private static final Pattern WRITTEN_EMAIL = Pattern.compile(
            "[\\p{L}\\d._%+-]+@[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)+", Pattern.CASE_INSENSITIVE);
    /** "john dot smith at example dot com", "jsmith at gmail dot co dot uk": the top-level domain anchors it. */
    private static final Pattern SPOKEN_EMAIL = Pattern.compile(
            "\\b[\\p{L}\\d]+(?:" + SPOKEN_SEPARATOR + "[\\p{L}\\d]+)*\\s+(?:at|@)\\s+[\\p{L}\\d]+(?:"
                    + SPOKEN_SEPARATOR + "[\\p{L}\\d]+)*(?:\\s+dot\\s+|\\s*\\.\\s*)" + TLD + "\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDRESS = Pattern.compile(
            "\\b(?:\\d+[a-z]?|" + NUMBER_WORD + "(?:[\\s-]+" + NUMBER_WORD + "){0,4})\\s+(?:[\\p{L}']+\\s+){0,3}"
                    + "(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl"
                    + "|terrace|parkway|pkwy|highway|hwy|close|crescent|square)\\b\\.?"
                    + "(?:,?\\s+(?:apartment|apt|unit|suite|flat)\\.?\\s*[\\p{L}\\d-]+)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_CUE = Pattern.compile(
            "\\b(?:my name is|my name's|my names|the name is|the name's|i am called|i'm called|call me)\\s+",
            Pattern.CASE_INSENSITIVE);
    /** Words that end a name: "my name is Sam and I need…", "call me when it's in". */
    private static final Set<String> NOT_NAMES = Set.of("and", "but", "so", "or", "i", "i'm", "im", "please", "can",
            "could", "would", "where", "what", "when", "how", "is", "are", "do", "does", "at", "on", "in", "about",
            "if", "the", "a", "an", "back", "later", "not", "it", "it's", "for", "from", "to", "with", "thanks",
            "thank", "you", "we", "he", "she", "they", "my", "need", "want", "looking", "here");
    private static final Pattern TOKEN = Pattern.compile("\\S+");

    /** {@code text} with every piece of personal data replaced by its kind in brackets. */
    public String redact(String text) {
        String result = WRITTEN_EMAIL.matcher(text).replaceAll(Kind.EMAIL.placeholder());
        result = SPOKEN_EMAIL.matcher(result).replaceAll(Kind.EMAIL.placeholder());
        result = redactNumbers(result);
        result = ADDRESS.matcher(result).replaceAll(Kind.ADDRESS.placeholder());
        return redactNames(result);
    }

    /**
     * Redacts a text derived from what the shopper said (the product phrase the understanding took out of it, in
     * its own normalized form: "four thousand one hundred eleven", "john dot smith example dot com"). When
     * {@code original} held personal data, every word of it that redaction removed, every number and every spoken
     * e-mail word goes from {@code derived} too; then {@code derived} is redacted on its own.
     */
    public String redactDerived(String derived, String original) {
        String redacted = redact(original);
        if (redacted.equals(original)) {
            return redact(derived);
        }
        Set<String> kept = new java.util.HashSet<>(words(redacted));
        Set<String> removed = new java.util.HashSet<>(words(original));
        removed.removeAll(kept);
        List<String> remaining = new ArrayList<>();
        for (String word : derived.split("\\s+")) {
            String plain = word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\d']", "");
            if (!removed.contains(plain) && !plain.matches("\\d+|" + NUMBER_WORD + "|thousand|million|dot|at"
                    + "|underscore|dash")) {
                remaining.add(word);
            }
        }
        return redact(String.join(" ", remaining));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\d']+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Runs of digits, written or spoken, long enough to be a phone or card number. */
    private static String redactNumbers(String text) {
        List<int[]> tokens = new ArrayList<>();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            tokens.add(new int[] {token.start(), token.end()});
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int i = 0;
        while (i < tokens.size()) {
            StringBuilder digits = new StringBuilder();
            int end = scanDigits(text, tokens, i, digits);
            if (end > i) {
                Kind kind = classify(digits.toString());
                if (kind != null) {
                    int from = tokens.get(i)[0];
                    int to = trailingPunctuation(text, tokens.get(end - 1));
                    out.append(text, copied, from).append(kind.placeholder());
                    copied = to;
                }
                i = end;
            } else {
                i++;
            }
        }
        return out.append(text.substring(copied)).toString();
    }

    /** The end of a token without the sentence punctuation after it, which stays in the text. */
    private static int trailingPunctuation(String text, int[] token) {
        int end = token[1];
        while (end > token[0] + 1 && ",.;:!?".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    /** Reads a number from token {@code from} on into {@code digits}; returns the token after its last digit. */
    private static int scanDigits(String text, List<int[]> tokens, int from, StringBuilder digits) {
        int last = from;
        int i = from;
        while (i < tokens.size()) {
            String raw = text.substring(tokens.get(i)[0], tokens.get(i)[1]);
            String word = raw.toLowerCase(Locale.ROOT).replaceAll("^[(+\\[]+|[),.;:!?\\]]+$", "");
            if (word.matches("[\\d][\\d().\\-/]*") && word.chars().filter(Character::isDigit).count() > 0) {
                word.chars().filter(Character::isDigit).forEach(c -> digits.append((char) c));
                last = ++i;
            } else if (REPEATS.containsKey(word) && i + 1 < tokens.size() && DIGIT_WORDS.containsKey(lower(text,
                    tokens.get(i + 1)))) {
                digits.append(DIGIT_WORDS.get(lower(text, tokens.get(i + 1))).repeat(REPEATS.get(word)));
                i += 2;
                last = i;
            } else if (TENS.containsKey(word)) {
                digits.append(TENS.get(word));
                String next = i + 1 < tokens.size() ? lower(text, tokens.get(i + 1)) : "";
                if (DIGIT_WORDS.containsKey(next) && DIGIT_WORDS.get(next).length() == 1 && !next.equals("zero")
                        && !next.startsWith("o")) {
                    digits.append(DIGIT_WORDS.get(next));
                    i += 2;
                } else {
                    digits.append('0');
                    i++;
                }
                last = i;
            } else if (word.equals("hundred") && digits.length() > 0) {
                digits.append("00");
                last = ++i;
            } else if (DIGIT_WORDS.containsKey(word) && (!word.startsWith("o") || digits.length() > 0
                    || i + 1 < tokens.size() && startsNumber(lower(text, tokens.get(i + 1))))) {
                digits.append(DIGIT_WORDS.get(word)); // "oh" and "o" are digits only inside or before a number
                last = ++i;
            } else if (JOINERS.contains(word) && digits.length() > 0) {
                i++;
            } else {
                break;
            }
        }
        return last;
    }

    private static boolean startsNumber(String word) {
        return DIGIT_WORDS.containsKey(word) || REPEATS.containsKey(word) || word.matches("\\d+");
    }

    private static String lower(String text, int[] token) {
        return text.substring(token[0], token[1]).toLowerCase(Locale.ROOT).replaceAll("[,.;:!?]+$", "");
    }

    /** A card number (13 to 19 digits passing Luhn), a phone number (7 to 15 digits), or nothing to redact. */
    static Kind classify(String digits) {
        if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
            return Kind.CARD;
        }
        if (digits.length() >= 7 && digits.length() <= 15) {
            return Kind.PHONE;
        }
        return null;
    }

    /** The Luhn checksum every payment card number carries. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** Up to three words after "my name is" that are not ordinary words ending the name. */
    private static String redactNames(String text) {
        Matcher cue = NAME_CUE.matcher(text);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (cue.find()) {
            Matcher words = TOKEN.matcher(text).region(cue.end(), text.length());
            int end = cue.end();
            int taken = 0;
            while (taken < 3 && words.find() && words.start() == skipSpaces(text, end)) {
                String word = words.group().toLowerCase(Locale.ROOT).replaceAll("[,.;:!?]+$", "");
                if (NOT_NAMES.contains(word) || word.startsWith("[") || !word.matches("[\\p{L}'-]+")) {
                    break;
                }
                end = trailingPunctuation(text, new int[] {words.start(), words.end()});
                taken++;
                if (!words.group().equals(text.substring(words.start(), end))) {
                    break; // "my name is Sam, and …": the comma ends the name
                }
            }
            if (taken > 0) {
                out.append(text, copied, cue.end()).append(Kind.NAME.placeholder());
                copied = end;
            }
        }
        return out.append(text.substring(copied)).toString();
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
