package kiosk.app.commands;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kiosk.speech.Reading;
import kiosk.speech.SpokenForm;

/**
 * Maps recognized words to the best expression of the command contexts, tolerating recognition slips: each
 * expression is aligned with the words by dynamic programming, where a word may be left over (a filler, "um",
 * "please"), missing, or heard slightly differently ("ice" for "iced", "lot" for "latte" sound alike). Small
 * function words ("a", "of") and the carrier phrase around the slots ("can I get") cost less to miss than slot
 * words, since people drop them and the recognizer swallows them; the slots carry the meaning. A word heard as a
 * quite different one costs more than a word missed: in noise the grammar decoder drops words ("a little bit of
 * skim") far more often than it swaps them for unrelated ones, so "skim" means "skim milk", not "milk". Speech the
 * recognizer could not place in its grammar ("[unk]") counts as filler. The cost of the alignment gives the
 * confidence; below {@link #THRESHOLD} the answer is "not understood", never a guess.
 *
 * <p>The alignment's tables grow with the square of the utterance's length, so an utterance of more than
 * {@link #MAX_WORDS} words (or {@link #MAX_CHARACTERS} characters) is not aligned at all: no command is that long,
 * and a long question or a long recording then costs nothing here instead of gigabytes.
 */
public final class CommandParser {

    public static final double THRESHOLD = 0.72;
    /** The most words an utterance may have to be taken for a command; spoken commands have a dozen or so. */
    public static final int MAX_WORDS = 40;
    /** Longer text is not even normalized: 40 words of 12 letters with their spaces fit. */
    static final int MAX_CHARACTERS = MAX_WORDS * 13;
    private static final double EXTRA_WORD = 1.0;
    private static final double MISSING_WORD = 1.0;
    private static final double SIMILAR_WORD = 0.35;
    private static final double OTHER_WORD = 1.5;
    private static final double UNHEARD_WORD = 1.0;
    private static final double FUNCTION_WORD = 0.4;
    private static final double CARRIER_WORD = 0.5;
    private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("a", "an", "the", "of", "some",
            "me", "please", "to", "and", "with", "um", "uh");
    private static final org.apache.commons.codec.language.DoubleMetaphone SOUND =
            new org.apache.commons.codec.language.DoubleMetaphone();

    private final List<CommandContext> contexts;
    /**
     * Each distinct element of the contexts, numbered once here: a parse keeps its span tables in arrays by this
     * number, where a map keyed by the elements themselves hashed a slot's whole phrase list at every look-up.
     */
    private final Map<Element, Integer> elementIds = new java.util.IdentityHashMap<>();
    /** The sound (Double Metaphone) of every word of the contexts, worked out once instead of at every comparison. */
    private final Map<String, String> grammarSounds = new HashMap<>();
    private final int distinctElements;

    public CommandParser(List<CommandContext> contexts) {
        this.contexts = List.copyOf(contexts);
        Map<Element, Integer> distinct = new HashMap<>();
        for (CommandContext context : this.contexts) {
            for (Expression expression : context.expressions()) {
                for (Element element : expression.elements()) {
                    // equal elements of different expressions share one number, hence one table
                    elementIds.put(element, distinct.computeIfAbsent(element, e -> distinct.size()));
                    element.alternatives().forEach(phrase -> phrase.forEach(
                            word -> grammarSounds.computeIfAbsent(word, CommandParser::sound)));
                }
            }
        }
        this.distinctElements = distinct.size();
    }

    /**
     * The best command among a recognizer's readings of one utterance (best first): the reading that fits a command
     * best wins. Between readings that fit equally well, the one that says more (more slots) wins, then the earlier:
     * noise masks words, so the decoder's best reading often stops short ("... latte with brown sugar") where a
     * runner-up heard the rest ("... with brown sugar and cream"); a slot phrase that fits the command perfectly in a
     * runner-up was most likely said. No reading fitting: the first reading's "not understood".
     */
    public CommandResult parseReadings(List<Reading> readings) {
        if (readings.isEmpty()) {
            return parse("");
        }
        CommandResult best = parse(readings.get(0).text(), readings.get(0).unheard());
        for (Reading reading : readings.subList(1, readings.size())) {
            if (parse(reading.text(), reading.unheard()) instanceof CommandResult.Understood understood
                    && better(understood, best)) {
                best = understood;
            }
        }
        return best;
    }

    private static boolean better(CommandResult.Understood candidate, CommandResult current) {
        if (!(current instanceof CommandResult.Understood incumbent)) {
            return true;
        }
        if (candidate.confidence() != incumbent.confidence()) {
            return candidate.confidence() > incumbent.confidence();
        }
        return candidate.slots().size() > incumbent.slots().size();
    }

    public CommandResult parse(String text) {
        return parse(text, 0);
    }

    /** {@code unheard}: words the recognizer heard but could not place in any command; each counts as a filler. */
    private CommandResult parse(String text, int unheard) {
        if (text.length() > MAX_CHARACTERS) {
            return tooLong();
        }
        String[] words = SpokenForm.normalize(text, true).split(" ");
        if (words.length == 0 || words[0].isEmpty()) {
            return new CommandResult.NotUnderstood("nothing was said");
        }
        if (words.length > MAX_WORDS) {
            return tooLong();
        }
        Spans spans = new Spans(words, distinctElements);
        Optional<Match> best = Optional.empty();
        for (CommandContext context : contexts) {
            for (Expression expression : context.expressions()) {
                Match match = align(context.name(), expression, spans, unheard);
                if (best.isEmpty() || match.confidence() > best.get().confidence()) {
                    best = Optional.of(match);
                }
            }
        }
        if (best.isEmpty() || best.get().confidence() < THRESHOLD) {
            return new CommandResult.NotUnderstood(best.map(m -> String.format(
                    "the closest command (%s) fits only %.0f %%", m.intent(), 100 * m.confidence()))
                    .orElse("there are no commands"));
        }
        Match match = best.get();
        return new CommandResult.Understood(match.context(), match.intent(), match.slots(),
                Math.round(match.confidence() * 1000) / 1000.0);
    }

    private static CommandResult tooLong() {
        return new CommandResult.NotUnderstood("longer than any command (more than " + MAX_WORDS + " words)");
    }

    private record Match(String context, String intent, Map<String, String> slots, double confidence) {
    }

    /**
     * One utterance's words, their sounds, and the span tables of the elements aligned with them so far (by element
     * number): every expression that holds an element shares its table.
     */
    private final class Spans {
        final String[] words;
        final String[] sounds;
        /** What each word costs left over (a filler). */
        final double[] extra;
        final double[][][] costs;
        final int[][][] choices;
        /** A grammar word's cost against each word said, filled in as the tables ask (NaN: not yet). */
        private final Map<String, double[]> wordCosts = new HashMap<>();

        Spans(String[] words, int elements) {
            this.words = words;
            this.sounds = new String[words.length];
            this.extra = new double[words.length];
            for (int j = 0; j < words.length; j++) {
                sounds[j] = sound(words[j]);
                extra[j] = extraWord(words[j]);
            }
            this.costs = new double[elements][][];
            this.choices = new int[elements][][];
        }

        double[][] costs(Element element) {
            int id = elementIds.get(element);
            if (costs[id] == null) {
                choices[id] = new int[words.length + 1][words.length + 1];
                costs[id] = spanTable(element, this, choices[id]);
            }
            return costs[id];
        }

        int[][] choices(Element element) {
            return choices[elementIds.get(element)];
        }

        /** The costs of {@code expected} against each word said: a word is compared with each other word once. */
        double[] wordCosts(String expected) {
            return wordCosts.computeIfAbsent(expected, word -> {
                double[] row = new double[words.length];
                java.util.Arrays.fill(row, Double.NaN);
                return row;
            });
        }

        double wordCost(String expected, double[] row, int heard) {
            double cost = row[heard];
            if (Double.isNaN(cost)) {
                cost = CommandParser.wordCost(expected, grammarSounds.get(expected), words[heard], sounds[heard]);
                row[heard] = cost;
            }
            return cost;
        }
    }

    private Match align(String context, Expression expression, Spans spanTables, int unheard) {
        String[] words = spanTables.words;
        List<Element> elements = expression.elements();
        int m = elements.size();
        int n = words.length;
        double[][] cost = new double[m + 1][n + 1];
        int[][] fromWord = new int[m + 1][n + 1];
        for (double[] row : cost) {
            java.util.Arrays.fill(row, Double.MAX_VALUE);
        }
        cost[0][0] = 0;
        for (int j = 1; j <= n; j++) {
            cost[0][j] = cost[0][j - 1] + spanTables.extra[j - 1];
            fromWord[0][j] = -1;
        }
        int expectedWords = 0;
        for (int i = 0; i < m; i++) {
            Element element = elements.get(i);
            double[][] spans = spanTables.costs(element);
            expectedWords += element.optional() ? 0
                    : element.alternatives().stream().mapToInt(List::size).min().orElse(0);
            for (int j = 0; j <= n; j++) {
                if (cost[i][j] == Double.MAX_VALUE) {
                    continue;
                }
                for (int end = j; end <= n; end++) {
                    double step = spans[j][end];
                    if (step == Double.MAX_VALUE) {
                        continue;
                    }
                    double total = cost[i][j] + step;
                    if (total < cost[i + 1][end]) {
                        cost[i + 1][end] = total;
                        fromWord[i + 1][end] = j;
                    }
                }
            }
            // words left over between elements: fillers
            for (int j = 1; j <= n; j++) {
                double extra = spanTables.extra[j - 1];
                if (cost[i + 1][j - 1] != Double.MAX_VALUE && cost[i + 1][j - 1] + extra < cost[i + 1][j]) {
                    cost[i + 1][j] = cost[i + 1][j - 1] + extra;
                    fromWord[i + 1][j] = -(j - 1) - 2; // marks "extra word", pointing at j-1
                }
            }
        }
        double confidence = Math.max(0, 1 - (cost[m][n] + UNHEARD_WORD * unheard)
                / Math.max(n + unheard, Math.max(1, expectedWords)));
        Map<String, String> slots = new LinkedHashMap<>();
        int j = n;
        for (int i = m; i > 0; i--) {
            while (fromWord[i][j] <= -2) {
                j = -fromWord[i][j] - 2;
            }
            int start = fromWord[i][j];
            if (elements.get(i - 1) instanceof Element.Slot slot && start >= 0) {
                int choice = spanTables.choices(slot)[start][j];
                if (choice >= 0) {
                    slots.put(slot.name(), slot.values().get(choice));
                }
            }
            j = Math.max(0, start);
        }
        return new Match(context, expression.intent(), slots, confidence);
    }

    /**
     * For one element: the cheapest way to say it with words[start..end), over its alternatives; an optional element
     * may take no words, a required one missing costs its shortest phrase's length.
     */
    private static double[][] spanTable(Element element, Spans spans, int[][] chosen) {
        int n = spans.words.length;
        double[][] table = new double[n + 1][n + 1];
        double missing = element.alternatives().stream()
                .mapToDouble(words1 -> words1.stream().mapToDouble(w -> missingCost(w, element)).sum())
                .min().orElse(0);
        for (int start = 0; start <= n; start++) {
            java.util.Arrays.fill(table[start], Double.MAX_VALUE);
            java.util.Arrays.fill(chosen[start], -1);
            table[start][start] = element.optional() ? 0 : missing;
            List<List<String>> alternatives = element.alternatives();
            for (int a = 0; a < alternatives.size(); a++) {
                List<String> phrase = alternatives.get(a);
                int maxEnd = Math.min(n, start + phrase.size() + 1);
                for (int end = Math.max(start + 1, start + phrase.size() - 1); end <= maxEnd; end++) {
                    double c = editCost(phrase, spans, start, end, element instanceof Element.Slot);
                    if (c < table[start][end]) {
                        table[start][end] = c;
                        chosen[start][end] = a;
                    }
                }
            }
        }
        return table;
    }

    /** Word-level edit distance between a phrase and words[start..end), similar words costing less. */
    private static double editCost(List<String> phrase, Spans spans, int start, int end, boolean slot) {
        double[] extra = spans.extra;
        int p = phrase.size();
        int k = end - start;
        double[][] d = new double[p + 1][k + 1];
        double[] missing = new double[p];
        double[][] costs = new double[p][];
        for (int i = 1; i <= p; i++) {
            missing[i - 1] = missingWord(phrase.get(i - 1), slot);
            costs[i - 1] = spans.wordCosts(phrase.get(i - 1));
            d[i][0] = d[i - 1][0] + missing[i - 1];
        }
        for (int j = 1; j <= k; j++) {
            d[0][j] = d[0][j - 1] + extra[start + j - 1];
        }
        for (int i = 1; i <= p; i++) {
            for (int j = 1; j <= k; j++) {
                double substitute = d[i - 1][j - 1] + spans.wordCost(phrase.get(i - 1), costs[i - 1], start + j - 1);
                d[i][j] = Math.min(substitute, Math.min(d[i - 1][j] + missing[i - 1],
                        d[i][j - 1] + extra[start + j - 1]));
            }
        }
        return d[p][k];
    }

    private static double missingCost(String word, Element element) {
        return missingWord(word, element instanceof Element.Slot);
    }

    private static double missingWord(String word, boolean slot) {
        if (FUNCTION_WORDS.contains(word)) {
            return FUNCTION_WORD;
        }
        return slot ? MISSING_WORD : CARRIER_WORD;
    }

    private static double extraWord(String word) {
        return FUNCTION_WORDS.contains(word) ? FUNCTION_WORD : EXTRA_WORD;
    }

    static double wordCost(String expected, String heard) {
        return wordCost(expected, sound(expected), heard, sound(heard));
    }

    /** As {@link #wordCost(String, String)}, given each word's {@link #sound}. */
    private static double wordCost(String expected, String expectedSound, String heard, String heardSound) {
        if (expected.equals(heard)) {
            return 0;
        }
        boolean stemLike = expected.length() >= 3 && heard.length() >= 3
                && (expected.startsWith(heard) || heard.startsWith(expected))
                && Math.abs(expected.length() - heard.length()) <= 2;
        // what DoubleMetaphone.isDoubleMetaphoneEqual compares, each word's code worked out once
        boolean soundsAlike = expected.length() >= 3 && heard.length() >= 3
                && java.util.Objects.equals(expectedSound, heardSound);
        if (stemLike || soundsAlike || expected.length() >= 4 && levenshteinAtMostOne(expected, heard)) {
            return SIMILAR_WORD;
        }
        return OTHER_WORD;
    }

    /** A word's primary Double Metaphone code (null for a word with no letters). */
    private static String sound(String word) {
        return SOUND.doubleMetaphone(word);
    }

    private static boolean levenshteinAtMostOne(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        boolean edited = false;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (edited) {
                return false;
            }
            edited = true;
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return !edited || i == a.length() && j == b.length();
    }
}
