package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recognizers kept by the speech model and reset between utterances hear exactly what new ones hear; the biased
 * recognizer's grammar thread reports its failures to the caller and is joined on close.
 *
 * <p>Kaldi dithers the audio with a process-wide random generator (mfcc.conf leaves {@code --dither} at 1), so two
 * new recognizers on the same audio can already differ in a word time or, rarely, a doubtful word. These tests load
 * the same model with dithering off, which makes decoding repeatable, so that "the same" can mean exactly the same.
 */
class RecognizerReuseTest {

    static final List<String> STORE = List.of("where are the double a batteries", "how much is the cordless drill",
            "where is the duct tape", "when do you close", "is the garden hose in stock");

    static SpeechModel model;
    static List<Audio> questions = new ArrayList<>();

    @BeforeAll
    static void load(@TempDir Path folder) throws IOException {
        model = SpeechModel.load(withoutDither(folder.resolve("vosk-model-en-us")));
        try (FreeTtsSynthesizer voice = FreeTtsSynthesizer.open()) {
            for (String question : List.of("where are the double a batteries", "can you tell me a story",
                    "how much is the cordless drill", "where is the duct tape please")) {
                questions.add(voice.speakAll(question).append(Audio.silence(300)));
            }
        }
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void reusedRecognizersHearWhatNewOnesHear() {
        for (RecognizerOptions options : List.of(RecognizerOptions.free(), RecognizerOptions.biased(STORE),
                RecognizerOptions.grammar(STORE).withAlternatives(5).withOutOfGrammar(0.2))) {
            int builtBefore = model.recognizersBuilt();
            for (int round = 0; round < 2; round++) {
                for (Audio question : questions) {
                    Transcript fresh = fresh(options, question);
                    Transcript reused;
                    try (StreamingRecognizer recognizer = model.open(options)) {
                        reused = feed(recognizer, question);
                    }
                    assertSame(fresh, reused, options.mode() + " round " + round);
                }
                // an utterance abandoned half-way (a barge-in) must not leak into the next
                try (StreamingRecognizer recognizer = model.open(options)) {
                    List<AudioChunk> chunks = questions.get(0).chunks(100);
                    chunks.subList(0, chunks.size() / 2).forEach(recognizer::accept);
                }
            }
            assertEquals(builtBefore + 1, model.recognizersBuilt(), options.mode() + ": one recognizer, reused");
        }
    }

    @Test
    void aFreeRecognizerRebuiltBetweenUtterancesHearsWhatANewOneHears() {
        // rebuilt after every utterance here, as after every 40 in the kiosk
        try (VoskRecognizer rebuilt = VoskRecognizer.free(model, EndOfSpeech.OFF, 1)) {
            for (int round = 0; round < 2; round++) {
                for (Audio question : questions) {
                    Transcript fresh = fresh(RecognizerOptions.free(), question);
                    Transcript heard = feed(rebuilt, question);
                    rebuilt.reset(EndOfSpeech.OFF);
                    assertSame(fresh, heard, "rebuilt, round " + round);
                }
            }
            assertEquals(2 * questions.size(), rebuilt.rebuilds(), "rebuilt after every utterance");
        }
        // the kiosk's recognizer keeps its graph cache over a few questions
        try (VoskRecognizer kept = VoskRecognizer.free(model, EndOfSpeech.OFF)) {
            for (Audio question : questions) {
                feed(kept, question);
                kept.reset(EndOfSpeech.OFF);
            }
            assertEquals(0, kept.rebuilds());
        }
    }

    @Test
    void aFreeRecognizerWhoseCacheWasDroppedWhileIdleHearsWhatANewOneHears() {
        try (VoskRecognizer free = VoskRecognizer.free(model, EndOfSpeech.OFF)) {
            assertFalse(free.dropGraphCache(), "nothing decoded yet: nothing to drop");
            for (Audio question : questions) {
                feed(free, question);
                free.reset(EndOfSpeech.OFF);
            }
            assertTrue(free.dropGraphCache(), "the questions' cache dropped");
            assertEquals(1, free.rebuilds());
            assertFalse(free.dropGraphCache(), "nothing decoded since");
            for (Audio question : questions) {
                Transcript fresh = fresh(RecognizerOptions.free(), question);
                Transcript heard = feed(free, question);
                free.reset(EndOfSpeech.OFF);
                assertSame(fresh, heard, "after the drop");
            }
        }
        try (VoskRecognizer grammar = VoskRecognizer.grammar(model,
                VoskRecognizer.grammarJson(model.grammarOf(STORE), 0), EndOfSpeech.OFF, 1)) {
            feed(grammar, questions.get(0));
            grammar.reset(EndOfSpeech.OFF);
            assertFalse(grammar.dropGraphCache(), "a grammar keeps its graph: dropping it would compile it again");
            assertEquals(0, grammar.rebuilds());
        }
    }

    @Test
    void aGrammarRecognizerIsNeverRebuilt() {
        try (VoskRecognizer grammar = VoskRecognizer.grammar(model,
                VoskRecognizer.grammarJson(model.grammarOf(STORE), 0), EndOfSpeech.OFF, 1)) {
            for (Audio question : questions) {
                feed(grammar, question);
                grammar.reset(EndOfSpeech.OFF);
            }
            assertEquals(0, grammar.rebuilds(), "its graph is the store's grammar: rebuilding it compiles it again");
        }
    }

    @Test
    void anOpenRightAfterAGiveBackWaitsForItInsteadOfBuildingAnother() {
        RecognizerOptions options = RecognizerOptions.grammar(List.of("where is the mulch", "how much is the mulch"));
        int built = model.recognizersBuilt();
        for (int turn = 0; turn < 5; turn++) {
            try (StreamingRecognizer recognizer = model.open(options)) {
                feed(recognizer, questions.get(turn % questions.size()));
            } // given back on the pool's thread; the next open, at once, must find it
        }
        assertEquals(built + 1, model.recognizersBuilt(), "one recognizer for five back-to-back utterances");
    }

    @Test
    void anotherSetOfPhrasesGetsItsOwnGrammar() {
        Audio question = questions.get(2); // "how much is the cordless drill"
        Transcript before;
        try (StreamingRecognizer recognizer = model.open(RecognizerOptions.grammar(STORE))) {
            before = feed(recognizer, question);
        }
        assertEquals("how much is the cordless drill", before.text());
        int built = model.recognizersBuilt();
        List<String> reloaded = List.of("where are the garden hoses", "how much is the lawn mower");
        Transcript after;
        try (StreamingRecognizer recognizer = model.open(RecognizerOptions.grammar(reloaded))) {
            after = feed(recognizer, question);
        }
        assertEquals(built + 1, model.recognizersBuilt(), "new phrases compile a new grammar");
        assertTrue(after.text().isEmpty() || !after.text().contains("drill"), "heard with the new phrases: "
                + after.text());
    }

    @Test
    void theTwoThreadBiasedRecognizerChoosesAsTheOneThreadOneDid() {
        for (Audio question : questions) {
            Transcript parallel;
            try (StreamingRecognizer recognizer = model.open(RecognizerOptions.biased(STORE))) {
                parallel = feed(recognizer, question);
            }
            // the same two decoders, one after the other on this thread, as before
            Transcript free;
            Transcript grammar;
            try (VoskRecognizer freeDecoder = VoskRecognizer.free(model, EndOfSpeech.OFF);
                 VoskRecognizer grammarDecoder = VoskRecognizer.grammar(model,
                         VoskRecognizer.grammarJson(model.grammarOf(STORE), 0), EndOfSpeech.OFF, 1)) {
                for (AudioChunk chunk : question.chunks(100)) {
                    grammarDecoder.accept(chunk);
                    freeDecoder.accept(chunk);
                }
                free = freeDecoder.finish();
                grammar = grammarDecoder.finishWithUnknown();
            }
            assertSame(BiasedRecognizer.choose(free, grammar), parallel, "biased");
        }
    }

    @Test
    void aFailingGrammarDecoderIsAnErrorOfTheUtteranceNotAHang() {
        VoskRecognizer grammar = VoskRecognizer.grammar(model, VoskRecognizer.grammarJson(model.grammarOf(STORE), 0),
                EndOfSpeech.OFF, 1, false);
        grammar.close(); // its thread meets "this recognizer is closed" at the first chunk
        BiasedRecognizer biased = new BiasedRecognizer(VoskRecognizer.free(model, EndOfSpeech.OFF), grammar,
                EndOfSpeech.OFF);
        AudioChunk chunk = questions.get(0).chunks(100).get(0);
        biased.accept(chunk); // handed to the grammar decoder, not awaited
        SpeechException failed = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(SpeechException.class, biased::finish));
        assertTrue(failed.getMessage().contains("grammar decoder"), failed.getMessage());
        assertInstanceOf(IllegalStateException.class, failed.getCause());
        assertThrows(SpeechException.class, () -> biased.reset(EndOfSpeech.OFF), "the recognizer is not reused");
        assertTrue(biased.grammarThreadAlive());
        biased.close();
        assertFalse(biased.grammarThreadAlive(), "close() joined the grammar thread");
    }

    @Test
    void theBiasedRecognizerEndsSpeechAtTheChunkTheFreeDecoderAloneDoes() {
        // the end of speech is judged by the free decoder's text and the audio: the grammar decoder, which the
        // chunks no longer wait for, has no say in it
        EndOfSpeech live = new EndOfSpeech(Duration.ofMillis(300), Duration.ofMillis(600));
        int ended = 0;
        for (Audio question : questions) {
            Audio paused = question.append(Audio.silence(1000));
            int freeEnd = endpointChunk(VoskRecognizer.free(model, live), paused);
            int biasedEnd;
            try (StreamingRecognizer biased = model.open(RecognizerOptions.biased(STORE).withEndOfSpeech(live))) {
                biasedEnd = endpointChunk(biased, paused);
            }
            assertEquals(freeEnd, biasedEnd, "the chunk that ended speech");
            ended += freeEnd >= 0 ? 1 : 0;
        }
        assertEquals(questions.size(), ended, "every question was ended by its silence");
    }

    /** The index of the chunk whose event was the end of speech, -1 if none was; closes the recognizer. */
    private static int endpointChunk(StreamingRecognizer recognizer, Audio audio) {
        try (recognizer) {
            List<AudioChunk> chunks = audio.chunks(100);
            for (int i = 0; i < chunks.size(); i++) {
                if (recognizer.accept(chunks.get(i)) instanceof RecognitionEvent.Endpoint) {
                    return i;
                }
            }
            recognizer.finish();
            return -1;
        }
    }

    @Test
    void aRecognizerWhoseDecoderFailedIsFreedNotKept() {
        List<String> phrases = List.of("where is the bird seed");
        int built = model.recognizersBuilt();
        StreamingRecognizer recognizer = model.open(RecognizerOptions.biased(phrases));
        recognizer.accept(questions.get(0).chunks(100).get(0));
        assertThrows(IllegalArgumentException.class, () -> recognizer.accept(
                new AudioChunk(new AudioFormat(8000, 16, 1), new byte[1600], 0)));
        recognizer.close();
        try (StreamingRecognizer next = model.open(RecognizerOptions.biased(phrases))) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> feed(next, questions.get(3)));
        }
        assertEquals(built + 1, model.recognizersBuilt(), "a refused chunk does not break the recognizer");
    }

    @Test
    void closingTheModelJoinsTheGrammarThreadsOfKeptRecognizers() {
        try (SpeechModel own = SpeechModel.load(model.folder())) {
            try (StreamingRecognizer recognizer = own.open(RecognizerOptions.biased(STORE))) {
                feed(recognizer, questions.get(0));
            }
            assertEquals(1, own.keptRecognizers());
            long before = grammarThreads();
            own.close();
            assertEquals(0, own.keptRecognizers());
            assertEquals(before - 1, grammarThreads(), "the kept recognizer's thread was joined");
        }
    }

    /** The model's folder with its files linked, and mfcc.conf with {@code --dither=0} added. */
    static Path withoutDither(Path copy) throws IOException {
        Path original = SpeechFixtures.VOSK_MODEL.toAbsolutePath();
        Files.createDirectories(copy.resolve("conf"));
        try (Stream<Path> parts = Files.list(original)) {
            for (Path part : parts.filter(part -> !part.getFileName().toString().equals("conf")).toList()) {
                Files.createSymbolicLink(copy.resolve(part.getFileName().toString()), part);
            }
        }
        Files.copy(original.resolve("conf/model.conf"), copy.resolve("conf/model.conf"));
        Files.writeString(copy.resolve("conf/mfcc.conf"),
                Files.readString(original.resolve("conf/mfcc.conf")).strip() + "\n--dither=0\n");
        return copy;
    }

    private static long grammarThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("kiosk-grammar-decoder-") && thread.isAlive()).count();
    }

    private static Transcript fresh(RecognizerOptions options, Audio question) {
        String json = options.mode() == RecognizerOptions.Mode.FREE ? ""
                : VoskRecognizer.grammarJson(model.grammarOf(options.phrases()), options.outOfGrammar());
        try (ReusableRecognizer recognizer = switch (options.mode()) {
            case FREE -> VoskRecognizer.free(model, EndOfSpeech.OFF);
            case GRAMMAR -> VoskRecognizer.grammar(model, json, EndOfSpeech.OFF, options.alternatives());
            case BIASED -> new BiasedRecognizer(VoskRecognizer.free(model, EndOfSpeech.OFF),
                    VoskRecognizer.grammar(model, json, EndOfSpeech.OFF, options.alternatives(), false),
                    EndOfSpeech.OFF);
        }) {
            return feed(recognizer, question);
        }
    }

    private static Transcript feed(StreamingRecognizer recognizer, Audio audio) {
        for (AudioChunk chunk : audio.chunks(100)) {
            recognizer.accept(chunk);
        }
        return recognizer.finish();
    }

    private static void assertSame(Transcript expected, Transcript actual, String what) {
        assertEquals(expected.text(), actual.text(), what);
        assertEquals(expected.source(), actual.source(), what);
        assertEquals(expected.confidence(), actual.confidence(), 1e-6, what);
        assertEquals(expected.alternatives(), actual.alternatives(), what);
        assertEquals(expected.words().size(), actual.words().size(), what);
        for (int i = 0; i < expected.words().size(); i++) {
            Word want = expected.words().get(i);
            Word got = actual.words().get(i);
            assertEquals(want.text(), got.text(), what);
            assertEquals(want.startSeconds(), got.startSeconds(), 0.005, what + ": times count from the utterance");
            assertEquals(want.endSeconds(), got.endSeconds(), 0.005, what);
            assertEquals(want.confidence(), got.confidence(), 1e-6, what);
        }
    }
}
