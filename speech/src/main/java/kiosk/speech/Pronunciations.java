package kiosk.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.sun.speech.freetts.en.us.CMULexicon;

/**
 * Words as the phones FreeTTS says them with (its CMU lexicon, its letter-to-sound rules for a word the lexicon
 * lacks), stress left out: what a listener hears, for comparing a recognizer's near miss with a store's word ("day
 * will" and "dayquil" are one phone apart). Loaded once, on first use.
 */
public final class Pronunciations {

    private static CMULexicon lexicon;

    private Pronunciations() {
    }

    private static synchronized CMULexicon lexicon() {
        if (lexicon == null) {
            try {
                CMULexicon loaded = CMULexicon.getInstance(true);
                if (!loaded.isLoaded()) {
                    loaded.load();
                }
                lexicon = loaded;
            } catch (IOException e) {
                throw new UncheckedIOException("FreeTTS's CMU lexicon did not load", e);
            }
        }
        return lexicon;
    }

    /** The phones of the words, one after another ("heat wraps" → hh iy t r ae p s). */
    public static List<String> phones(List<String> words) {
        CMULexicon cmu = lexicon();
        List<String> phones = new ArrayList<>();
        for (String word : words) {
            String[] said = cmu.getPhones(word.toLowerCase(Locale.ROOT), null);
            if (said != null) {
                for (String phone : said) {
                    phones.add(phone.replaceAll("[0-9]", ""));
                }
            }
        }
        return phones;
    }
}
