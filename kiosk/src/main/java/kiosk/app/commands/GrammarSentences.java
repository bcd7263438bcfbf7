package kiosk.app.commands;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Sentences drawn from a context's expressions, as training text for the recognizer's grammar.
 *
 * <p>Vosk does not decode a grammar's phrases as a list of alternatives: it estimates a bigram language model from
 * them, each phrase a sentence. Given the context's pieces ("can i get", "lots of", "milk", ...) it learns little
 * beyond the words; in noise it then hears "with cream and" or "a little bit of skim" and stops. Given whole sentences
 * it learns which word follows which: after "and" comes an amount of milk or sugar, after "skim" comes "milk", an order
 * ends after its drink or its milk, not after "and".
 *
 * <p>Every expression gives the same number of sentences, so each way of saying a command is equally likely, and that
 * number is the size of the largest choice, so every choice, option and slot phrase of every expression occurs in
 * them. Within an expression each element deals its alternatives from a shuffled deck, which spreads them evenly and
 * pairs them at random. The deal is seeded: a context always gives the same grammar.
 */
final class GrammarSentences {

    /** Enough for the coffee context (80 expressions x 36 milk phrases) with room; Vosk compiles this in ms. */
    static final int MAX_SENTENCES = 20_000;
    private static final long SEED = 20_241_124L;

    private GrammarSentences() {
    }

    static List<String> of(List<Expression> expressions) {
        int largestChoice = expressions.stream().flatMap(expression -> expression.elements().stream())
                .mapToInt(element -> options(element).size()).max().orElse(1);
        int perExpression = Math.max(1, Math.min(largestChoice, MAX_SENTENCES / Math.max(1, expressions.size())));
        Random random = new Random(SEED);
        List<String> sentences = new ArrayList<>();
        for (Expression expression : expressions) {
            List<List<List<String>>> options = expression.elements().stream().map(GrammarSentences::options).toList();
            List<int[]> deals = options.stream().map(choices -> deal(choices.size(), perExpression, random)).toList();
            for (int s = 0; s < perExpression; s++) {
                List<String> words = new ArrayList<>();
                for (int e = 0; e < options.size(); e++) {
                    words.addAll(options.get(e).get(deals.get(e)[s]));
                }
                if (!words.isEmpty()) {
                    sentences.add(String.join(" ", words));
                }
            }
        }
        return List.copyOf(sentences);
    }

    /** What an element can be said as; an optional element can also be left out. */
    private static List<List<String>> options(Element element) {
        if (!element.optional()) {
            return element.alternatives();
        }
        List<List<String>> options = new ArrayList<>(element.alternatives());
        options.add(List.of());
        return options;
    }

    /** {@code count} picks from {@code size} options: each option once per round, in a fresh random order. */
    private static int[] deal(int size, int count, Random random) {
        int[] picks = new int[count];
        List<Integer> deck = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (deck.isEmpty()) {
                for (int option = 0; option < size; option++) {
                    deck.add(option);
                }
                Collections.shuffle(deck, random);
            }
            picks[i] = deck.remove(deck.size() - 1);
        }
        return picks;
    }
}
