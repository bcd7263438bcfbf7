package kiosk.speech;

import java.util.ArrayList;
import java.util.List;

import com.sun.speech.freetts.Item;
import com.sun.speech.freetts.Relation;
import com.sun.speech.freetts.Utterance;
import com.sun.speech.freetts.UtteranceProcessor;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.relp.LPCResult;
import com.sun.speech.freetts.relp.UnitConcatenator;
import com.sun.speech.freetts.util.WaveUtils;

/**
 * Starts a number's "t" louder where it follows a vowel and opens a cluster: the "t w" of "twelve" and "twenty" after
 * "by" or "number". In kevin16's "t w" diphone the release is some 30 dB below the vowel after it, behind a closure of
 * up to 150 ms, and the listener heard the word without it ("Tarp ten by twelve" as "top ten by well", "aisle number
 * twelve" as "number well"; SpokenFactsRoundTripTest, BENCHMARKS.md). A longer or a shorter closure, a silence
 * before the "t" or a longer "w" did not bring it back; a louder release did.
 *
 * <p>The step runs after FreeTTS has put the utterance's units together ({@link UnitConcatenator}), before its audio
 * is made: it multiplies the excitation (the LPC residual) of the pitch periods within {@link #WINDOW_SECONDS} of the
 * "t"'s end by {@link #GAIN}, which takes in the release and the first voicing of the "w" (kevin16's diphones are
 * cut there): those 40 ms come out 22 to 24 dB louder. The filter, the timing and every other sound are FreeTTS's
 * own. Left alone: a stop after a consonant or a pause (released into silence, and heard), before a vowel ("two",
 * "ten"), in a word that is no number, and the other voiceless stops: a "k" made louder in the same way ("a quarter
 * by one inch") was heard as "of board".
 */
final class NumberOnsets implements UtteranceProcessor {

    /** How much louder the release's excitation is made: 20 dB (8 and 12 also kept "by twelve", 3 and 6 did not). */
    static final float GAIN = 10f;
    /** How far either side of the "t"'s end the pitch periods made louder lie. */
    static final float WINDOW_SECONDS = 0.02f;
    /** A residual no louder than this keeps a µ-law code of its own (the loudest, 32,124, is stored as silence). */
    private static final int LOUDEST = 30_000;
    private static final String PAUSE = "pau";
    private static final String LPC = "target_lpcres";

    private NumberOnsets() {
    }

    /** Adds the step to the allocated voice's pipeline, right after its units are put together. */
    static void install(Voice voice) {
        @SuppressWarnings("unchecked")
        List<UtteranceProcessor> processors = voice.getUtteranceProcessors();
        for (int i = 0; i < processors.size(); i++) {
            if (processors.get(i) instanceof NumberOnsets) {
                return; // a voice FreeTTS handed out before
            }
            if (processors.get(i) instanceof UnitConcatenator) {
                processors.add(i + 1, new NumberOnsets());
                return;
            }
        }
        throw new SpeechException("the FreeTTS voice " + voice.getName()
                + " puts no units together to release its numbers' stops in (its steps: " + processors + ")");
    }

    @Override
    public void processUtterance(Utterance utterance) {
        Object lpc = utterance.getObject(LPC);
        List<Float> releases = releases(utterance);
        if (!(lpc instanceof LPCResult result) || releases.isEmpty()) {
            return;
        }
        int[] times = result.getTimes();
        int[] sizes = result.getResidualSizes();
        byte[] residuals = result.getResiduals();
        float rate = result.getSampleRate();
        int offset = 0;
        for (int frame = 0; frame < result.getNumberOfFrames(); frame++) {
            float at = times[frame] / rate;
            if (releases.stream().anyMatch(release -> Math.abs(at - release) <= WINDOW_SECONDS)) {
                for (int i = offset; i < offset + sizes[frame]; i++) {
                    residuals[i] = louder(residuals[i]);
                }
            }
            offset += sizes[frame];
        }
    }

    /** The ends, in seconds, of the "t"s to release: a number word's first sound, after a vowel, before a consonant. */
    static List<Float> releases(Utterance utterance) {
        List<Float> ends = new ArrayList<>();
        Relation segments = utterance.getRelation(Relation.SEGMENT);
        Voice voice = utterance.getVoice();
        Item first = segments == null ? null : segments.getHead();
        for (Item segment = first; segment != null; segment = segment.getNext()) {
            Item before = segment.getPrevious();
            Item after = segment.getNext();
            if (before != null && after != null && isVoicelessAlveolarStop(voice, segment) && opensNumber(segment)
                    && isVowel(voice, before) && !isVowel(voice, after)) {
                ends.add(segment.getFeatures().getFloat("end"));
            }
        }
        return ends;
    }

    private static boolean isVoicelessAlveolarStop(Voice voice, Item segment) {
        String name = segment.getFeatures().getString("name");
        return "s".equals(voice.getPhoneFeature(name, "ctype")) && "-".equals(voice.getPhoneFeature(name, "cvox"))
                && "a".equals(voice.getPhoneFeature(name, "cplace"));
    }

    private static boolean isVowel(Voice voice, Item segment) {
        String name = segment.getFeatures().getString("name");
        return !PAUSE.equals(name) && "+".equals(voice.getPhoneFeature(name, "vc"));
    }

    /** Whether the segment is the first sound of a number word. */
    private static boolean opensNumber(Item segment) {
        Item inSyllable = segment.getItemAs(Relation.SYLLABLE_STRUCTURE);
        if (inSyllable == null || inSyllable.getPrevious() != null) {
            return false;
        }
        Item syllable = inSyllable.getParent();
        if (syllable == null || syllable.getPrevious() != null) {
            return false;
        }
        Item word = syllable.getParent();
        return word != null && NumberProsody.isNumberWord(word.getFeatures().getString("name"));
    }

    /**
     * The residual sample {@link #GAIN} times louder. FreeTTS stores a residual as its µ-law code less 128 and reads a
     * stored 0 as silence ({@code LPCResult}'s table), so silence stays silence; a value is kept below the loudest
     * code, which is stored as 0 too (the residuals made louder are at most 428, 4,280 after: none comes near it).
     */
    private static byte louder(byte residual) {
        if (residual == 0) {
            return 0;
        }
        float value = WaveUtils.ulawToShort((short) (residual + 128)) * GAIN;
        short louder = (short) Math.max(-LOUDEST, Math.min(LOUDEST, Math.round(value)));
        return (byte) ((WaveUtils.shortToUlaw(louder) & 0xff) - 128);
    }

    @Override
    public String toString() {
        return "NumberOnsets";
    }
}
