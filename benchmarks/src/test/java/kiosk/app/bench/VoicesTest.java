package kiosk.app.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import kiosk.speech.Audio;
import org.junit.jupiter.api.Test;

/**
 * Every spoken benchmark plays its questions as a microphone hears a shopper: silence, the question, silence. Without
 * the lead the decoders lost the question's first word, so a benchmark without it measured a worse kiosk.
 */
class VoicesTest {

    @Test
    void aQuestionIsPlayedAfterTheLeadSilenceAndBeforeTheTrail() {
        short[] speech = new short[1600]; // 100 ms at 16 kHz
        Arrays.fill(speech, (short) 1000);
        Audio played = Voices.asPlayed(Audio.ofSamples(speech), 200);

        assertEquals(Voices.LEAD_MILLIS + 100 + 200, played.durationMillis());
        short[] samples = played.samples();
        int lead = Voices.LEAD_MILLIS * 16;
        assertArrayEquals(new short[lead], Arrays.copyOfRange(samples, 0, lead), "the lead is silent");
        assertArrayEquals(speech, Arrays.copyOfRange(samples, lead, lead + speech.length), "then the question whole");
        assertArrayEquals(new short[200 * 16], Arrays.copyOfRange(samples, lead + speech.length, samples.length),
                "then the trail");
    }
}
