package kiosk.app.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import kiosk.speech.Pronunciations;

/**
 * Words as the sounds they are made of, from the CMU pronouncing lexicon FreeTTS speaks with (its letter-to-sound
 * rules for a word the lexicon lacks). A shopper hears sounds, not spelling: "four" and "for" are one sequence of
 * phones, so a recognizer writing one for the other lost nothing the shopper would, while "fourteen" and "forty"
 * differ by a phone. Stress marks are dropped: "FOR" and "four" differ only in stress, which carries no fact. The
 * lexicon writes some short words only in their weak form, with the reduced vowel "ax" ("to" is t ax), though they are
 * said in full when stressed ("t uw", as "two"): a reduced vowel stands for any vowel, never for a consonant or
 * nothing, so "to" may be "two" but "a" is never "eight" and "well" never "twelve".
 */
final class Pronunciation {

    /** The phones of one word, without stress ("four" → f ao r): the kiosk's own {@link Pronunciations}. */
    List<String> phones(String word) {
        return Pronunciations.phones(List.of(word));
    }

    /** The phones of each word, in order. */
    List<List<String>> phonesOfWords(List<String> words) {
        List<List<String>> phones = new ArrayList<>();
        words.forEach(word -> phones.add(phones(word)));
        return phones;
    }

    private static final Set<String> VOWELS = Set.of("aa", "ae", "ah", "ao", "aw", "ax", "axr", "ay", "eh", "er", "ey",
            "ih", "iy", "ow", "oy", "uh", "uw");

    /** Phone by phone the same, a reduced vowel standing for any vowel. */
    static boolean sameSounds(List<String> heard, List<String> said) {
        for (int i = 0; i < said.size(); i++) {
            String a = heard.get(i);
            String b = said.get(i);
            boolean reduced = (a.equals("ax") && VOWELS.contains(b)) || (b.equals("ax") && VOWELS.contains(a));
            if (!a.equals(b) && !reduced) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where {@code said} (phones) is spoken by a run of whole words of {@code heard}, starting at word {@code from}
     * or later: the index after that run, or -1. The run must begin and end at word boundaries, so "forty" is not
     * found inside "fourteen", while "for tea" does say "forty".
     */
    static int endOfRun(List<List<String>> heard, List<String> said, int from) {
        for (int start = from; start < heard.size(); start++) {
            List<String> run = new ArrayList<>();
            for (int end = start; end < heard.size() && run.size() < said.size(); end++) {
                run.addAll(heard.get(end));
                if (run.size() == said.size() && sameSounds(run, said)) {
                    return end + 1;
                }
            }
        }
        return -1;
    }
}
