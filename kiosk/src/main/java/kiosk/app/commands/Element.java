package kiosk.app.commands;

import java.util.List;

/**
 * One piece of an expression: fixed words, a choice among phrases ("[can I get, give me]"), an optional phrase
 * ("(please)") or a slot ("$size:size", filled by one of the slot type's phrases).
 */
sealed interface Element {

    /** The phrases this element can stand for, each as its words; an optional element also allows no words. */
    List<List<String>> alternatives();

    boolean optional();

    /** Words said as they are. */
    record Words(List<String> words) implements Element {
        @Override
        public List<List<String>> alternatives() {
            return List.of(words);
        }

        @Override
        public boolean optional() {
            return false;
        }
    }

    /** One of several phrases; {@code optional} when written in parentheses. */
    record Choice(List<List<String>> options, boolean optional) implements Element {
        @Override
        public List<List<String>> alternatives() {
            return options;
        }
    }

    /** A slot: one of the phrases of its type, reported under {@code name}. */
    record Slot(String type, String name, List<List<String>> phrases, List<String> values) implements Element {
        @Override
        public List<List<String>> alternatives() {
            return phrases;
        }

        @Override
        public boolean optional() {
            return false;
        }
    }
}
