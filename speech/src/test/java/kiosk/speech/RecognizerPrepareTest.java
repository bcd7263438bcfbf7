package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SpeechModel#prepare} builds the recognizer a store's knowledge load asks for, so that the first utterance
 * opened with the live path's options (endpointing set) finds it built; an utterance that comes while it is being
 * built waits for it instead of compiling the same grammar a second time, or, when the preparation says so (the
 * kiosk's), is heard at once by the free decoder alone, the store's recognizer taking the turns once it is built.
 */
class RecognizerPrepareTest {

    static final List<String> STORE = List.of("where are the double a batteries", "how much is the cordless drill",
            "where is the duct tape", "when do you close", "is the garden hose in stock");

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
    void theFirstUtteranceFindsThePreparedRecognizer() {
        List<String> phrases = List.of("where is the claw hammer", "how much is the garden hose");
        RecognizerOptions live = RecognizerOptions.biased(phrases).withEndpointSilence(Duration.ofMillis(800));
        int built = model.recognizersBuilt();
        model.prepare(live);
        assertEquals(built + 1, model.recognizersBuilt(), "prepare builds it");
        try (StreamingRecognizer first = model.open(RecognizerOptions.biased(phrases)
                .withEndpointSilence(Duration.ofMillis(800)))) {
            first.accept(Audio.silence(200).chunks(100).get(0));
        }
        model.prepare(live); // prepared already: kept as it is
        assertEquals(built + 1, model.recognizersBuilt(), "the first utterance and a second prepare built nothing");
    }

    @Test
    void aNewStoresVocabularyReleasesTheOldStoresRecognizer() {
        RecognizerOptions oldStore = RecognizerOptions.biased(List.of("where is the paint", "how much is the roller"));
        RecognizerOptions newStore = RecognizerOptions.biased(List.of("where is the paint", "how much is the brush"));
        model.prepare(RecognizerOptions.free());
        model.prepare(oldStore);
        model.prepare(newStore);
        int built = model.recognizersBuilt();
        model.releaseBiasedExcept(newStore);
        model.prepare(newStore);
        model.prepare(RecognizerOptions.free());
        assertEquals(built, model.recognizersBuilt(), "the new store's and the free recognizer are kept");
        model.prepare(oldStore);
        assertEquals(built + 1, model.recognizersBuilt(), "the old store's was freed, so it is built again");
    }

    @Test
    void anUtteranceDuringPreparationWaitsForItInsteadOfBuildingASecond() {
        RecognizerOptions options = RecognizerOptions.biased(STORE);
        int built = model.recognizersBuilt();
        CompletableFuture<Void> preparing = CompletableFuture.runAsync(() -> model.prepare(options));
        while (!model.preparing(options) && !preparing.isDone()) {
            Thread.onSpinWait(); // the utterance comes once the preparation has begun (or, rarely, ended)
        }
        try (StreamingRecognizer first = model.open(options)) {
            first.accept(Audio.silence(200).chunks(100).get(0));
        }
        preparing.join();
        assertEquals(built + 1, model.recognizersBuilt(), "one grammar compiled, not two");
    }

    @Test
    void aTurnBeforeTheGrammarIsReadyIsHeardByTheFreeDecoderAndTheGrammarTakesOverOnceBuilt() throws Exception {
        List<String> phrases = List.of("where is the duct tape", "where are the double a batteries",
                "how much is the garden hose");
        RecognizerOptions live = RecognizerOptions.biased(phrases).withEndpointSilence(Duration.ofMillis(600));
        Audio question;
        try (FreeTtsSynthesizer voice = FreeTtsSynthesizer.open()) {
            question = Audio.silence(300).append(voice.speakAll("where is the duct tape")).append(Audio.silence(300));
        }
        int heardFreeBefore = model.heardBeforeGrammar();
        CountDownLatch registered = new CountDownLatch(1);
        CountDownLatch firstTurnHeard = new CountDownLatch(1);
        // the grammar's building is held until the first turn is heard: that turn comes before it is ready, always
        CompletableFuture<Void> preparing = CompletableFuture.runAsync(() -> model.prepare(live,
                SpeechModel.WhilePreparing.FREE_DECODER, () -> {
                    registered.countDown();
                    await(firstTurnHeard);
                }));
        await(registered);
        Transcript first;
        try (StreamingRecognizer recognizer = model.open(live)) {
            first = Transcriber.stream(recognizer, Transcriber.source(question), partial -> { }, () -> false)
                    .transcript();
        } finally {
            firstTurnHeard.countDown();
        }
        assertEquals(Transcript.Source.FREE, first.source());
        assertTrue(first.rival().isEmpty(), "no grammar decoder heard it: " + first);
        // the free decoder hears the store's words, if less surely than the grammar ("whereas the duct tape")
        assertTrue(SpeechFixtures.lower(first.text()).endsWith("the duct tape"), "the free decoder answers it: "
                + first.text());
        assertEquals(heardFreeBefore + 1, model.heardBeforeGrammar());
        preparing.join();

        Transcript next;
        int builtOnceReady = model.recognizersBuilt();
        try (StreamingRecognizer recognizer = model.open(live)) {
            next = Transcriber.stream(recognizer, Transcriber.source(question), partial -> { }, () -> false)
                    .transcript();
        }
        assertTrue(next.rival().isPresent(), "both decoders heard it: the store's recognizer took over " + next);
        assertEquals(builtOnceReady, model.recognizersBuilt(), "the prepared recognizer, not a new one");
        assertEquals(heardFreeBefore + 1, model.heardBeforeGrammar(), "no turn after it was heard by the free alone");
        assertFalse(model.preparing(live));
        model.prepare(RecognizerOptions.free());
        assertEquals(builtOnceReady + 1, model.recognizersBuilt(),
                "the free recognizer that stood in was freed once the store's was ready");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, java.util.concurrent.TimeUnit.SECONDS), "the other thread went on");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
