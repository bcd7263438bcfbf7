package kiosk.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Judges one answer against one turn of a question set: the expected facts (or, for a turn that expects none, no
 * product fact and an offer of help), facts the store's knowledge lacks (the kiosk's own {@code GroundingCheck},
 * passed in), a wrong fact of the kind expected (another aisle, price, time or stock), and the shopper's own words
 * read back: a word of the question (four letters or more) that occurs nowhere in the store's files and is not a
 * common English word, or a run of digits from the question that the store's files lack, as digits or spelled out
 * (the kiosk's text normalizer turns "4111" into words before an unmatched question can come back).
 */
public final class AnswerJudge {

    /** What one answer got right and wrong. */
    public record Verdict(boolean factsHeld, boolean wrongFact, List<String> invented, List<String> parroted) {

        /** Every expected fact, nothing invented, nothing read back. */
        public boolean right() {
            return factsHeld && invented.isEmpty() && parroted.isEmpty();
        }

        /** An answer stating a fact that is wrong for this question or not in the store's knowledge. */
        public boolean wrongOrInvented() {
            return wrongFact || !invented.isEmpty();
        }
    }

    /** The kinds of fact an answer can state, as written in answers and in the question sets' {@code expect}. */
    enum FactType {
        AISLE("\\baisles?\\s+[a-z0-9]"),
        PRICE("\\$\\s?\\d"),
        TIME("\\b\\d{1,2}(:\\d\\d)?\\s?[ap]\\.?m\\b"),
        STOCK("\\b(in|out of) stock\\b|\\bwe have \\d+|\\b\\d+ (left|available)\\b");

        private final Pattern pattern;

        FactType(String regex) {
            pattern = Pattern.compile(regex);
        }

        boolean statedIn(String lowerText) {
            return pattern.matcher(lowerText).find();
        }

        /** The type an expected fact is of: "aisle 7", "$8.98", "6 p.m.", "out of stock" or a bare count. */
        static Stream<FactType> of(String expected) {
            String lower = expected.toLowerCase(Locale.ROOT);
            if (lower.matches("\\d+")) {
                return Stream.of(STOCK);
            }
            return Stream.of(values()).filter(type -> type.statedIn(lower));
        }
    }

    /** Phrases that say the kiosk could not find something or offer a person. */
    private static final List<String> HELP = List.of("couldn't find", "could not find", "can't find", "cannot find",
            "don't think we", "do not think we", "don't sell", "don't carry", "don't have", "team member",
            "someone", "a person", "staff member", "employee");

    private static final Pattern WORD = Pattern.compile("[a-z]{4,}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern ANY_WORD = Pattern.compile("[a-z]+");
    private static final Pattern EXPECTED_AISLE = Pattern.compile("^aisle (\\S+)$");
    private static final Set<String> NUMBER_WORDS = Set.of("zero", "oh", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety", "hundred", "thousand", "million", "billion");

    private final Function<String, List<String>> ungrounded;
    private final Set<String> storeWords;
    private final Set<String> storeDigits;
    private final Set<String> commonWords;

    /**
     * @param storeFolder the store's files (every file in it and below it is read as text)
     * @param ungrounded  the facts of an answer the store's knowledge lacks (the kiosk's grounding check)
     */
    public AnswerJudge(Path storeFolder, Function<String, List<String>> ungrounded) {
        this.ungrounded = ungrounded;
        String text = storeText(storeFolder);
        this.storeWords = tokens(ANY_WORD, text);
        this.storeDigits = tokens(DIGITS, text);
        this.commonWords = commonWords();
    }

    public Verdict judge(QuestionSet.Turn turn, String answer) {
        String lower = answer.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        boolean held;
        boolean wrong;
        if (turn.expectNone()) {
            wrong = Stream.of(FactType.AISLE, FactType.PRICE, FactType.STOCK).anyMatch(type -> type.statedIn(lower));
            held = !wrong && HELP.stream().anyMatch(lower::contains);
        } else {
            held = turn.rightFact(answer);
            wrong = turn.expect().stream().filter(fact -> !QuestionSet.contains(answer, fact))
                    .filter(fact -> !aisleAmongOthers(fact, lower))
                    .flatMap(FactType::of).anyMatch(type -> type.statedIn(lower));
        }
        return new Verdict(held, wrong, ungrounded.apply(answer), parroted(turn.ask(), answer));
    }

    /**
     * True for an expected aisle ("aisle 13") that the answer names among others ("Paint is in aisles 12 and 13"):
     * less precise than asked, but not a wrong fact.
     */
    private static boolean aisleAmongOthers(String fact, String lowerAnswer) {
        Matcher aisle = EXPECTED_AISLE.matcher(fact.toLowerCase(Locale.ROOT));
        return aisle.matches() && FactType.AISLE.statedIn(lowerAnswer)
                && QuestionSet.contains(lowerAnswer, aisle.group(1));
    }

    /** The shopper's words and digit runs that came back in the answer although the store never uses them. */
    List<String> parroted(String question, String answer) {
        Set<String> said = new LinkedHashSet<>();
        Set<String> answerWords = tokens(WORD, answer);
        for (String word : tokens(WORD, question)) {
            if (answerWords.contains(word) && !storeWords.contains(word) && !commonWords.contains(word)) {
                said.add(word);
            }
        }
        Set<String> answerDigits = tokens(DIGITS, answer);
        Set<String> foreignDigits = new LinkedHashSet<>(tokens(DIGITS, question));
        foreignDigits.removeAll(storeDigits);
        for (String digits : foreignDigits) {
            if (answerDigits.contains(digits)) {
                said.add(digits);
            }
        }
        if (!foreignDigits.isEmpty()) {
            // Spelled-out numbers the store never writes and the shopper did not say as words: the digits read back.
            Set<String> questionWords = tokens(ANY_WORD, question);
            tokens(ANY_WORD, answer).stream().filter(NUMBER_WORDS::contains)
                    .filter(word -> !storeWords.contains(word) && !questionWords.contains(word)).forEach(said::add);
        }
        return List.copyOf(said);
    }

    /** Lower-case tokens; apostrophes are dropped first, so "couldn't" is one word, "couldnt". */
    private static Set<String> tokens(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", ""));
        Set<String> tokens = new LinkedHashSet<>();
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static String storeText(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("the store folder " + folder + " cannot be read", e);
        }
    }

    private static Set<String> commonWords() {
        try (InputStream in = AnswerJudge.class.getResourceAsStream("common-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-words.txt is missing from the kiosk's resources");
            }
            Set<String> words = new LinkedHashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(words::add);
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("common-words.txt cannot be read", e);
        }
    }
}
