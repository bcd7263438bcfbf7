package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Store-biased recognition with the grammar decoder's n-best readings, and a grammar whose questions have a slot for
 * speech outside it ("where is the [unk]"): real Vosk, real FreeTTS speech.
 */
class GrammarReadingsTest {

    static final List<String> STORE = List.of("where is the duct tape", "where is the duck tape",
            "where is the garden hose", "where is the [unk]", "how much is the cordless drill",
            "how much is the [unk]");

    static SpeechModel model;

    @BeforeAll
    static void load() {
        model = SpeechModel.load(SpeechFixtures.VOSK_MODEL);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void aSlotForSpeechOutsideTheGrammarIsKeptInItsQuestions() {
        assertEquals(List.of("where is the [unk]", "how much is the [unk]", "where is the duct tape"),
                model.grammarOf(List.of("Where is the [unk]", "how much is the [unk]", "where is the duct tape")));
    }

    @Test
    void theGrammarDecoderOfBiasedRecognitionGivesItsReadings() {
        Audio question;
        try (FreeTtsSynthesizer voice = FreeTtsSynthesizer.open()) {
            question = Audio.silence(300).append(voice.speakAll("where is the duct tape")).append(Audio.silence(300));
        }
        Transcript heard;
        try (StreamingRecognizer recognizer = model.open(RecognizerOptions.biased(STORE).withAlternatives(5))) {
            heard = Transcriber.stream(recognizer, Transcriber.source(question), partial -> { }, () -> false)
                    .transcript();
        }
        Transcript grammar = heard.source() == Transcript.Source.GRAMMAR ? heard : heard.rival().orElseThrow();
        assertEquals(Transcript.Source.GRAMMAR, grammar.source());
        assertTrue(grammar.readings().size() >= 2, "duct and duck tape are both in its lattice: "
                + grammar.readings());
        assertTrue(grammar.alternatives().containsAll(List.of("where is the duct tape", "where is the duck tape")),
                grammar.alternatives().toString());
        assertTrue(grammar.confidence() < 1, "with readings, the words' confidence is the best reading's share");
    }
}
