package kiosk.speech;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;

import com.sun.speech.freetts.UtteranceProcessor;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.cart.CART;
import com.sun.speech.freetts.en.us.PronounceableFSM;
import com.sun.speech.freetts.en.us.TokenToWords;
import com.sun.speech.freetts.lexicon.Lexicon;

/**
 * FreeTTS's tokenizer with one change: a word its own CMU lexicon holds is said as that word. FreeTTS decides whether a
 * word is said or spelled from its letters alone (a prefix and a suffix state machine), so "eighths", in the lexicon
 * as "ey t th s", was spelled "e i g h t h s" and the kiosk could not say "three eighths" (BENCHMARKS.md, the round
 * trip). A word the lexicon lacks is judged by the letters as before.
 */
final class WordsTheLexiconKnows extends TokenToWords {

    private final Lexicon lexicon;

    private WordsTheLexiconKnows(CART cart, PronounceableFSM prefix, PronounceableFSM suffix, Lexicon lexicon) {
        super(cart, prefix, suffix);
        this.lexicon = lexicon;
    }

    /** Puts the step in place of the voice's own tokenizer, keeping that tokenizer's rules and state machines. */
    static void install(Voice voice) {
        @SuppressWarnings("unchecked")
        List<UtteranceProcessor> processors = voice.getUtteranceProcessors();
        for (int i = 0; i < processors.size(); i++) {
            UtteranceProcessor processor = processors.get(i);
            if (processor instanceof WordsTheLexiconKnows) {
                return; // a voice FreeTTS handed out before
            }
            if (processor.getClass() == TokenToWords.class) {
                processors.set(i, new WordsTheLexiconKnows((CART) field(processor, "cart"),
                        (PronounceableFSM) field(processor, "prefixFSM"), (PronounceableFSM) field(processor, "suffixFSM"),
                        voice.getLexicon()));
                return;
            }
        }
        throw new SpeechException("the FreeTTS voice " + voice.getName() + " has no tokenizer to replace (its steps: "
                + processors + ")");
    }

    @Override
    public boolean isPronounceable(String word) {
        return lexicon.getPhones(word.toLowerCase(Locale.ROOT), null, false) != null || super.isPronounceable(word);
    }

    @Override
    public String toString() {
        return "WordsTheLexiconKnows";
    }

    /** FreeTTS keeps a tokenizer's parts private and offers no other way to build one from the voice's files. */
    private static Object field(Object owner, String name) {
        try {
            Field field = TokenToWords.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException e) {
            throw new SpeechException("FreeTTS's tokenizer has no " + name + " to reuse: " + e);
        }
    }
}
